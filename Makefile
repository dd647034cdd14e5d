# Builds the one Native AOT bootstrap every DialControl function runs (see docs/deployment.md).
# `sam build` calls build-<LogicalId> once per function (BuildMethod: makefile in serverless.template);
# `make package` makes the zip that aws-lambda-tools-defaults.json hands to dotnet lambda deploy-serverless.
RUNTIME_ID ?= linux-x64
PUBLISH_DIR ?= artifacts/bootstrap
PACKAGE ?= artifacts/bootstrap.zip
FUNCTIONS := ScaleNodes BedrockQuota FailoverStep FailoverTrigger CapacityRecorder

.PHONY: publish package $(addprefix build-,$(FUNCTIONS))

publish:
	dotnet publish src/Functions -c Release -r $(RUNTIME_ID) -p:PublishAot=true -o $(PUBLISH_DIR) -nologo

package: publish
	rm -f $(PACKAGE)
	cd $(PUBLISH_DIR) && zip -9 $(abspath $(PACKAGE)) bootstrap

$(addprefix build-,$(FUNCTIONS)): publish
	cp $(PUBLISH_DIR)/bootstrap $(ARTIFACTS_DIR)/bootstrap
