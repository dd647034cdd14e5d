# Builds the one Native AOT bootstrap every DialControl function runs (see docs/deployment.md).
# `sam build` calls build-<LogicalId> once per function (BuildMethod: makefile in serverless.template);
# `make package` makes the zip that aws-lambda-tools-defaults.json hands to dotnet lambda deploy-serverless.
RUNTIME_ID ?= linux-x64
PUBLISH_DIR ?= artifacts/bootstrap
PACKAGE ?= artifacts/bootstrap.zip
# One target per function logical id in serverless.template, as sam build asks for them.
FUNCTION_TARGETS := build-ScaleNodes build-BedrockQuota build-FailoverStep build-FailoverTrigger build-CapacityRecorder
# The bootstrap is rebuilt only when these change: the five build-<LogicalId> calls of one
# `sam build --build-in-source` share one publish (a Native AOT link takes a minute or more).
SOURCES := $(shell find src/Functions src/DialControl.Aws -name '*.cs' -o -name '*.csproj' | grep -v '/obj/') \
	Directory.Build.props Directory.Packages.props global.json

.PHONY: publish package $(FUNCTION_TARGETS)

publish: $(PUBLISH_DIR)/bootstrap

$(PUBLISH_DIR)/bootstrap: $(SOURCES)
	dotnet publish src/Functions -c Release -r $(RUNTIME_ID) -p:PublishAot=true -o $(PUBLISH_DIR) -nologo
	touch $@

package: publish
	rm -f $(PACKAGE)
	cd $(PUBLISH_DIR) && zip -9 $(abspath $(PACKAGE)) bootstrap

$(FUNCTION_TARGETS): publish
	cp $(PUBLISH_DIR)/bootstrap $(ARTIFACTS_DIR)/bootstrap
