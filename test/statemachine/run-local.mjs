// Runs a state machine definition under aws-local-stepfunctions and prints the outcome as one JSON
// object, so tests in any language can drive the real definition.
//
// Reads a JSON spec on stdin:
//   {
//     "definitionPath": "src/StateMachines/region-failover.asl.json",
//     "substitutions": { "FailoverStepFunctionArn": "arn:aws:lambda:...:function:FailoverStep" },
//     "input": { ... },                      // the execution input (any JSON value)
//     "context": { "Execution": { ... } },   // optional Context Object members ($$.Execution.Id ...)
//     "waitMs": 0,                           // optional: every Wait state pauses this long instead
//     "retryMs": 0,                          // optional: every Retry pauses this long instead
//     "region": "eu-west-1",                 // the Lambda client's region
//     "progress": false                      // optional: also print {"entered":"State"} lines as it runs
//   }
// Prints {"status":"SUCCEEDED","output":...,"states":[...]} or
//        {"status":"FAILED","error":"...","cause":"...","states":[...]}, where states lists every state
// entered, in order. With "progress", each state entered is printed at once on a line of its own, so a
// caller can show a long run as it goes; the outcome is always the last line. Exits 0 for either status; 2 when the spec or the definition is unusable.
// Lambda Task states invoke the endpoint named by AWS_ENDPOINT_URL_LAMBDA (the local Invoke API).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// aws-local-stepfunctions 3 uses Promise.withResolvers (Node 22); Node 20 lacks it.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolvePromise;
    let rejectPromise;
    const promise = new Promise((res, rej) => {
      resolvePromise = res;
      rejectPromise = rej;
    });
    return { promise, resolve: resolvePromise, reject: rejectPromise };
  };
}

// The AWS SDK for JavaScript warns on every run that Node 20 support ends in 2027; its own switch
// turns that off, so stderr carries only what matters to a test.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function fail(message) {
  process.stderr.write(`run-local: ${message}\n`);
  process.exit(2);
}

function substitute(text, substitutions) {
  const replaced = text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (match, name) =>
    Object.prototype.hasOwnProperty.call(substitutions, name) ? String(substitutions[name]) : match);
  const missing = [...new Set([...replaced.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]))];
  if (missing.length > 0) {
    fail(`no value for substitution(s) ${missing.join(', ')}; pass them in "substitutions"`);
  }
  return replaced;
}

function overridesFor(definition, spec) {
  const waitTimeOverrides = {};
  const retryIntervalOverrides = {};
  for (const [name, state] of Object.entries(definition.States)) {
    if (state.Type === 'Wait' && spec.waitMs !== undefined) {
      waitTimeOverrides[name] = spec.waitMs;
    }
    if (Array.isArray(state.Retry) && spec.retryMs !== undefined) {
      retryIntervalOverrides[name] = spec.retryMs;
    }
  }
  return { waitTimeOverrides, retryIntervalOverrides };
}

async function collectStates(eventLogs, states, progress) {
  for await (const event of eventLogs) {
    if (event.type === 'StateEntered') {
      states.push(event.state.name);
      if (progress) {
        process.stdout.write(`${JSON.stringify({ entered: event.state.name })}\n`);
      }
    }
  }
}

async function main() {
  let spec;
  try {
    spec = JSON.parse(readFileSync(0, 'utf8'));
  } catch (error) {
    fail(`the spec on stdin is not JSON: ${error.message}`);
  }
  if (!spec.definitionPath) {
    fail('the spec needs "definitionPath"');
  }

  let StateMachine;
  try {
    ({ StateMachine } = await import('aws-local-stepfunctions'));
  } catch (error) {
    fail(`aws-local-stepfunctions is not installed (${error.message}); run: npm ci`);
  }

  const text = substitute(readFileSync(resolve(spec.definitionPath), 'utf8'), spec.substitutions ?? {});
  const definition = JSON.parse(text);
  const machine = new StateMachine(definition, {
    awsConfig: {
      region: spec.region ?? 'us-east-1',
      credentials: { accessKeys: { accessKeyId: 'testing', secretAccessKey: 'testing' } },
    },
  });
  const execution = machine.run(spec.input ?? {}, {
    overrides: overridesFor(definition, spec),
    context: spec.context ?? {},
  });

  const states = [];
  const collecting = collectStates(execution.eventLogs, states, spec.progress === true);
  let outcome;
  try {
    const output = await execution.result;
    outcome = { status: 'SUCCEEDED', output };
  } catch (error) {
    const cause = error.cause ?? error;
    outcome = { status: 'FAILED', error: cause.name, cause: cause.message };
  }
  await collecting;
  process.stdout.write(`${JSON.stringify({ ...outcome, states })}\n`);
}

await main();
