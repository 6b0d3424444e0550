# The JVM toolchain: Java 17 and Maven come with the machine; every plugin and library the
# generated poms and the consumer tests use is fetched once into Maven's local repository
# (~/.m2) by building the committed output online, so the tests then build offline.
JVM_STAMP := .tools/jvm/.installed
TEST_DEPS += $(JVM_STAMP)
$(JVM_STAMP): $(STAMP) mk/jvm.mk tests/jvm_reactor.py tests/jvm/consumer/pom.xml $(wildcard generated/java/pom.xml generated/kotlin/pom.xml)
	$(BIN)/python -m tests.jvm_reactor .tools/jvm/warm
	rm -rf .tools/jvm/warm
	touch $@
