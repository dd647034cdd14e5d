using DialControl.Aws.Errors;
using DialControl.Aws.ServiceQuotas;
using Microsoft.Extensions.Logging;
using static DialControl.Functions.Quotas.QuotaAssessor;

namespace DialControl.Functions.Quotas;

/// <summary>
/// The deployment guide's ladder for an exhausted quota: (a) an increase, where configuration allows
/// it, the quota is adjustable and no request is open; (b) other regions or inference profiles with
/// headroom; (c) else another account. Runs when a target enters EXHAUSTED, not on every run.
/// </summary>
internal sealed class QuotaEscalation
{
    /// <summary>A refused request is not asked for again within this time; a person should look first.</summary>
    public static readonly TimeSpan RefusalHoldOff = TimeSpan.FromHours(24);

    private const int MaxHistoryPages = 5;

    private readonly BedrockQuotaOptions _options;
    private readonly QuotaReader _quotas;
    private readonly Func<string, IAmazonServiceQuotas> _clients;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the ladder.</summary>
    public QuotaEscalation(BedrockQuotaOptions options, QuotaReader quotas, Func<string, IAmazonServiceQuotas> clients,
        TimeProvider time, ILogger logger)
    {
        _options = options;
        _quotas = quotas;
        _clients = clients;
        _time = time;
        _logger = logger;
    }

    /// <summary>Climbs the ladder for an EXHAUSTED target.</summary>
    public async Task<EscalationOutcome> EscalateAsync(
        QuotaAssessment assessment, UsageBook usage, CancellationToken cancellationToken)
    {
        var actions = new List<EscalationAction>();
        var recommendations = new List<QuotaRecommendation>();
        var progress = false;
        foreach (var use in ExhaustedUses(assessment))
        {
            progress |= await IncreaseAsync(assessment.Target, use, actions, recommendations, cancellationToken);
        }

        if (assessment.Usage.Throttles > 0 && assessment.Binding.UtilisationPercent < _options.WarningPercent)
        {
            recommendations.Add(new QuotaRecommendation(QuotaRecommendation.ReviewMaxTokens,
                $"{N(assessment.Usage.Throttles)} invocations were throttled while the peak was only " +
                $"{P(assessment.Binding.UtilisationPercent.Value)} of {assessment.Binding.Quota.Code}: Bedrock " +
                "reserves max_tokens at the start of a request, so lower max_tokens or spread bursts within the minute",
                assessment.Target.Region, assessment.Target.ModelId));
        }

        var headroom = await AlternativesAsync(assessment, usage, recommendations, cancellationToken);
        if (!progress && !headroom)
        {
            recommendations.Add(new QuotaRecommendation(QuotaRecommendation.AddAccount,
                $"No quota increase is possible or open for {assessment.Target} and no configured alternative has " +
                "headroom: serve part of the load from another AWS account", assessment.Target.Region,
                assessment.Target.ModelId));
        }

        return new EscalationOutcome(actions, recommendations);
    }

    /// <summary>For a WARNING target: how large an increase would be, without asking for it.</summary>
    public EscalationOutcome Advise(QuotaAssessment assessment)
    {
        var use = assessment.Binding;
        var sizing = QuotaMath.SizeIncrease(use.Peak, use.Quota.Value, _options.TargetPercent, cap: null);
        if (sizing.Wanted <= use.Quota.Value)
        {
            return EscalationOutcome.None;
        }

        return new EscalationOutcome([], [new QuotaRecommendation(QuotaRecommendation.RequestIncrease,
            $"{use.Quota.Code} is {P(use.UtilisationPercent ?? 0)} used; an increase to {N(sizing.Wanted)} " +
            $"would bring the peak ({N(use.Peak)} per minute) to {P(_options.TargetPercent)} before it is exhausted",
            assessment.Target.Region, assessment.Target.ModelId, use.Quota.Code, sizing.Wanted)]);
    }

    private static List<QuotaUse> ExhaustedUses(QuotaAssessment assessment)
    {
        var exhausted = assessment.Uses.Where(u => u.IsExhausted).ToList();
        return exhausted.Count > 0 ? exhausted : [assessment.Binding];
    }

    private async Task<bool> IncreaseAsync(QuotaTarget target, QuotaUse use, List<EscalationAction> actions,
        List<QuotaRecommendation> recommendations, CancellationToken cancellationToken)
    {
        var cap = use.Kind == QuotaKind.Tpm ? _options.TpmCapFor(target.Model) : _options.RpmCapFor(target.Model);
        var sizing = QuotaMath.SizeIncrease(use.Peak, use.Quota.Value, _options.TargetPercent, cap);
        var refusal = Refuse(target, use, sizing);
        if (refusal is not null)
        {
            QuotaLog.IncreaseNotRequested(_logger, use.Quota.Code, target.Region, refusal.Message);
            recommendations.Add(refusal);
            return false;
        }

        var history = await HistoryAsync(target.Region, use.Quota.Code, cancellationToken);
        var blocker = Blocker(target, use, history);
        if (blocker is not null)
        {
            QuotaLog.IncreaseNotRequested(_logger, use.Quota.Code, target.Region, blocker.Message);
            recommendations.Add(blocker);
            return blocker.Type == QuotaRecommendation.RequestOpen;
        }

        try
        {
            actions.Add(await RequestAsync(target, use, sizing, cancellationToken));
        }
        catch (QuotaRequestAlreadyPendingException)
        {
            // Another caller opened a request between the history check and this one: it counts as open.
            recommendations.Add(new QuotaRecommendation(QuotaRecommendation.RequestOpen,
                $"Service Quotas reports an increase request for {use.Quota.Code} in {target.Region} already " +
                "pending; not requesting again", target.Region, target.ModelId, use.Quota.Code, sizing.Desired));
        }

        return true;
    }

    private QuotaRecommendation? Refuse(QuotaTarget target, QuotaUse use, IncreaseSizing sizing)
    {
        if (sizing.Verdict == IncreaseVerdict.NoUsage && use.Quota.Value <= 0)
        {
            return ZeroQuota(target, use);
        }

        var code = use.Quota.Code;
        var from = $"{code} from {N(use.Quota.Value)} to {N(sizing.Wanted)}";
        string? why = sizing.Verdict switch
        {
            IncreaseVerdict.NoUsage => $"there was no usage of {target} in the window to size an increase of " +
                $"{code} from, so none is requested",
            IncreaseVerdict.NotNeeded => $"the peak ({N(use.Peak)} per minute) fits {code} ({N(use.Quota.Value)}) at " +
                $"the {P(_options.TargetPercent)} target, so a larger quota would not help",
            _ => null,
        };
        if (why is not null)
        {
            return new QuotaRecommendation(QuotaRecommendation.NoIncrease, why, target.Region, target.ModelId, code);
        }

        if (!use.Quota.Adjustable)
        {
            return new QuotaRecommendation(QuotaRecommendation.RequestThroughSupport,
                $"{code} is not adjustable in Service Quotas: ask AWS to raise {from} through the limit increase " +
                "form or AWS Support", target.Region, target.ModelId, code, sizing.Wanted);
        }

        why = !_options.AutoRequest ? $"automatic requests are off ({QuotaSettings.AutoRequest}=false)"
            : sizing.Verdict == IncreaseVerdict.NoCap ? $"no cap is configured for it " +
                $"({QuotaSettings.RequestCapRpm} or requestCapRpm), so DialControl does not request it"
            : sizing.Verdict == IncreaseVerdict.CapNotAboveCurrent ? $"the cap {N(sizing.Desired)} is not above " +
                $"the current value {N(use.Quota.Value)}, so DialControl does not request it; raise the cap"
            : null;
        return why is null ? null : new QuotaRecommendation(QuotaRecommendation.RequestIncrease,
            $"Request an increase of {from} in {target.Region}: {why}",
            target.Region, target.ModelId, code, sizing.Wanted);
    }

    /// <summary>
    /// A quota of 0 blocks the model outright, so an increase certainly helps, but with nothing served
    /// there is no peak to size it from; a person must name the value.
    /// </summary>
    private static QuotaRecommendation ZeroQuota(QuotaTarget target, QuotaUse use)
    {
        var (type, how) = use.Quota.Adjustable
            ? (QuotaRecommendation.RequestIncrease, string.Empty)
            : (QuotaRecommendation.RequestThroughSupport, " through the limit increase form or AWS Support");
        var unit = use.Kind == QuotaKind.Tpm ? "tokens" : "requests";
        return new QuotaRecommendation(type, $"{use.Quota.Code} is 0 in {target.Region}, so {target.ModelId} " +
            $"cannot be invoked there, and no usage shows how large it should be: ask AWS{how} for the {unit} per " +
            "minute the model needs; DialControl does not guess a value", target.Region, target.ModelId,
            use.Quota.Code);
    }

    private QuotaRecommendation? Blocker(
        QuotaTarget target, QuotaUse use, IReadOnlyList<RequestedServiceQuotaChange> history)
    {
        var open = history.FirstOrDefault(r => r.Status is RequestStatus.Pending or RequestStatus.CaseOpened);
        if (open is not null)
        {
            return new QuotaRecommendation(QuotaRecommendation.RequestOpen,
                $"Increase request {open.Id} for {use.Quota.Code} in {target.Region} " +
                $"(to {N(open.DesiredValue ?? 0)}) is already {open.Status}; not requesting again",
                target.Region, target.ModelId, use.Quota.Code, open.DesiredValue);
        }

        var latest = history.Where(r => r.Created is not null).MaxBy(r => r.Created);
        var refused = latest?.Status is RequestStatus.Denied or RequestStatus.NotApproved or RequestStatus.CaseClosed;
        if (refused && _time.GetUtcNow() - latest!.Created!.Value < RefusalHoldOff)
        {
            return new QuotaRecommendation(QuotaRecommendation.RequestThroughSupport,
                $"Increase request {latest.Id} for {use.Quota.Code} in {target.Region} ended {latest.Status} at " +
                $"{latest.Created:O}; not asking again within {RefusalHoldOff.TotalHours} hours: contact AWS Support",
                target.Region, target.ModelId, use.Quota.Code, latest.DesiredValue);
        }

        return null;
    }

    private async Task<IReadOnlyList<RequestedServiceQuotaChange>> HistoryAsync(
        string region, string code, CancellationToken cancellationToken)
    {
        var client = _clients(region);
        var history = new List<RequestedServiceQuotaChange>();
        string? token = null;
        for (var page = 0; page < MaxHistoryPages; page++)
        {
            var response = await client.ListRequestedServiceQuotaChangeHistoryByQuotaAsync(
                new ListRequestedServiceQuotaChangeHistoryByQuotaRequest
                {
                    ServiceCode = QuotaReader.ServiceCode,
                    QuotaCode = code,
                    MaxResults = 100,
                    NextToken = token,
                }, cancellationToken);
            history.AddRange(response.RequestedQuotas);
            token = response.NextToken;
            if (string.IsNullOrEmpty(token))
            {
                break;
            }
        }

        return history;
    }

    private async Task<EscalationAction> RequestAsync(
        QuotaTarget target, QuotaUse use, IncreaseSizing sizing, CancellationToken cancellationToken)
    {
        var code = use.Quota.Code;
        var capped = sizing.Verdict == IncreaseVerdict.Capped
            ? $" (capped: the peak at the {P(_options.TargetPercent)} target wants {N(sizing.Wanted)})" : string.Empty;
        if (_options.DryRun)
        {
            QuotaLog.IncreaseDryRun(_logger, code, target.Region, use.Quota.Value, sizing.Desired);
            return new EscalationAction(EscalationAction.IncreaseRequested, target.Region, code, use.Quota.Value,
                sizing.Desired, null, null, DryRun: true,
                $"Dry run: would request an increase of {code} from {N(use.Quota.Value)} to " +
                $"{N(sizing.Desired)}{capped}");
        }

        var request = new RequestServiceQuotaIncreaseRequest
        {
            ServiceCode = QuotaReader.ServiceCode,
            QuotaCode = code,
            DesiredValue = sizing.Desired,
        };
        var change = (await _clients(target.Region).RequestServiceQuotaIncreaseAsync(request, cancellationToken))
            .RequestedQuota;
        var (id, status) = (change?.Id, change?.Status);
        QuotaLog.IncreaseRequested(_logger, code, target.Region, use.Quota.Value, sizing.Desired, id, status);
        return new EscalationAction(EscalationAction.IncreaseRequested, target.Region, code, use.Quota.Value,
            sizing.Desired, change?.Id, change?.Status, DryRun: false,
            $"Requested an increase of {code} from {N(use.Quota.Value)} to {N(sizing.Desired)}{capped}: " +
            $"request {change?.Id ?? "(no id)"} is {change?.Status ?? "submitted"}");
    }

    private async Task<bool> AlternativesAsync(QuotaAssessment assessment, UsageBook usage,
        List<QuotaRecommendation> recommendations, CancellationToken cancellationToken)
    {
        var found = false;
        foreach (var alternative in assessment.Target.Model.Alternatives)
        {
            var recommendation = await HeadroomAsync(assessment.Target, alternative, usage, cancellationToken);
            if (recommendation is not null)
            {
                recommendations.Add(recommendation);
                found = true;
            }
        }

        return found;
    }

    private async Task<QuotaRecommendation?> HeadroomAsync(QuotaTarget target, QuotaAlternative alternative,
        UsageBook usage, CancellationToken cancellationToken)
    {
        var region = alternative.RegionFrom(target.Region);
        var modelId = alternative.ModelIdFor(target.Model);
        var seen = usage.Get(region, modelId);
        if (seen.Problem is not null)
        {
            QuotaLog.AlternativeUnusable(_logger, modelId, region, seen.Problem);
            return null;
        }

        try
        {
            var tpm = Use(QuotaKind.Tpm, await _quotas.ReadAsync(region, alternative.TpmQuotaCode, cancellationToken),
                seen.PeakTokensPerMinute);
            var rpm = alternative.RpmQuotaCode is null ? null : Use(QuotaKind.Rpm,
                await _quotas.ReadAsync(region, alternative.RpmQuotaCode, cancellationToken),
                seen.PeakRequestsPerMinute);
            var worst = rpm is not null && rpm.SortKey > tpm.SortKey ? rpm : tpm;
            if (QuotaMath.Classify(worst.UtilisationPercent, seen.Throttles, _options.WarningPercent) != QuotaLevel.Ok)
            {
                QuotaLog.AlternativeUnusable(_logger, modelId, region, $"no headroom: {worst.Quota.Code} is " +
                    $"{(worst.UtilisationPercent is { } u ? P(u) : "0 (quota)")} used, {N(seen.Throttles)} throttles");
                return null;
            }

            var spare = tpm.Quota.Value - tpm.Peak;
            return new QuotaRecommendation(QuotaRecommendation.UseAlternative,
                $"Send part of the load to {modelId} in {region}: {tpm.Quota.Code} is " +
                $"{P(tpm.UtilisationPercent ?? 0)} used ({N(spare)} tokens per minute spare)",
                region, modelId, tpm.Quota.Code, spare);
        }
        catch (QuotaCodeUnknownException e)
        {
            QuotaLog.AlternativeUnusable(_logger, modelId, region, e.Message);
            return null;
        }
    }
}
