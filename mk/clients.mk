# OpenAPI Generator for the client-generator tests (tests/test_clients.py): its CLI jar from
# Maven Central, fetched by Maven into .tools/ once (Maven's own cache keeps it too). The Java
# clients it generates take their dependencies from Maven Central through their own pom.xml.
OPENAPI_GENERATOR_VERSION := 7.25.0
OPENAPI_GENERATOR_JAR := .tools/openapi-generator/openapi-generator-cli-$(OPENAPI_GENERATOR_VERSION).jar
TEST_DEPS += $(OPENAPI_GENERATOR_JAR)

$(OPENAPI_GENERATOR_JAR): mk/clients.mk
	mvn -q -B dependency:copy -Dartifact=org.openapitools:openapi-generator-cli:$(OPENAPI_GENERATOR_VERSION) \
		-DoutputDirectory=$(CURDIR)/.tools/openapi-generator
	test -f $@ && touch $@

# oapi-codegen for the same tests, built by `go install` from the Go module proxy into .tools/go.
OAPI_CODEGEN := .tools/go/bin/oapi-codegen
TEST_DEPS += $(OAPI_CODEGEN)

$(OAPI_CODEGEN): mk/clients.mk
	GOBIN=$(CURDIR)/.tools/go/bin go install github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@v2.8.2
	test -x $@ && touch $@
