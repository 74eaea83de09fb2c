package org.libvirt4j.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.libvirt4j.tck.DifferentialTck;
import org.libvirt4j.tck.LibvirtTck;
import org.libvirt4j.tck.TckCapability;

/**
 * The TCK tests itself: it runs areas of the kit against {@link BrokenBackend}, which breaks
 * one behaviour at a time, and expects the tests that check that behaviour to fail. The
 * control run (nothing broken) must pass, so the failures come from the breakage alone.
 */
class WrongBackendSelfTest {

    /** The TCK bound to the broken backend; run only through the Launcher below, never by surefire. */
    static class BrokenRun extends LibvirtTck {
        @Override
        protected String backendName() {
            return "tck-broken";
        }

        @Override
        protected String fixtureUri(Path fixtureXml) {
            return "test://" + fixtureXml.toAbsolutePath();
        }

        @Override
        protected String qemuUri() {
            throw new IllegalStateException("the self-test does not run QEMU guests");
        }

        @Override
        protected Map<TckCapability, String> unsupported() {
            return Map.of(TckCapability.PRIVATE_DAEMON, "the self-test only uses the test driver");
        }
    }

    /** The differential run of the JNA backend against the broken one; run only through the Launcher below. */
    static class BrokenDifferential extends DifferentialTck {
        @Override
        protected List<String> backendNames() {
            return List.of("jna", "tck-broken");
        }

        @Override
        protected String fixtureUri(String backendName, Path fixtureXml) {
            return "test://" + fixtureXml.toAbsolutePath();
        }
    }

    private static final List<String> AREAS = List.of("DomainLifecycleTests", "MisuseTests", "ErrorTests");

    @AfterEach
    void restore() {
        BrokenBackend.breakage = BrokenBackend.Breakage.NONE;
    }

    /** Runs the areas and returns the method names of the tests that failed. */
    private static List<String> failuresWith(BrokenBackend.Breakage breakage) throws Exception {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String area : AREAS) {
            request.selectors(selectNestedClass(List.of(BrokenRun.class), Class.forName("org.libvirt4j.tck.LibvirtTck$" + area)));
        }
        List<String> failed = run(breakage, request.build());
        assertThat(ran).as("tests run in the self-test").isGreaterThan(50);
        return failed;
    }

    private static int ran;

    /** Runs a request with {@code breakage} in force and returns the names of the failed tests. */
    private static List<String> run(BrokenBackend.Breakage breakage, LauncherDiscoveryRequest built) {
        BrokenBackend.breakage = breakage;
        List<String> failed = new ArrayList<>();
        int[] finished = {0};
        Launcher launcher = LauncherFactory.create();
        launcher.execute(built, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    finished[0]++;
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        String source = id.getSource().map(Object::toString).orElse("");
                        int at = source.indexOf("methodName = '");
                        // The method name for ordinary tests, the display name for dynamic ones.
                        if (at >= 0) {
                            failed.add(source.substring(at + 14, source.indexOf('\'', at + 14)));
                        }
                        failed.add(id.getDisplayName());
                    }
                }
            }
        });
        ran = finished[0];
        return failed;
    }

    @ParameterizedTest
    @EnumSource(BrokenBackend.Breakage.class)
    @DisplayName("The TCK passes a faithful wrapper and catches each deliberate breakage")
    void catchesBreakage(BrokenBackend.Breakage breakage) throws Exception {
        List<String> failed = failuresWith(breakage);
        switch (breakage) {
            case NONE -> assertThat(failed).as("control run").isEmpty();
            case STATE_LIES -> assertThat(failed).contains("createDestroy", "suspendResume", "inactiveDomain", "shutdown");
            case CLOSE_IGNORED -> assertThat(failed).contains("closedHandles", "closedConnect", "closeRacesCalls");
            case ERROR_CODES_LOST -> assertThat(failed).contains("unknownDomain", "malformedDomainUuid", "undefine");
            default -> throw new AssertionError(breakage);
        }
    }


    @ParameterizedTest
    @EnumSource(BrokenBackend.Breakage.class)
    @DisplayName("The differential run agrees with a faithful wrapper and flags each deliberate breakage")
    void differentialCatchesBreakage(BrokenBackend.Breakage breakage) {
        List<String> failed = run(breakage, LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(BrokenDifferential.class)).build());
        assertThat(ran).as("scenarios run").isGreaterThanOrEqualTo(7);
        switch (breakage) {
            case NONE, CLOSE_IGNORED -> assertThat(failed).as("scenarios that disagree").isEmpty();
            case STATE_LIES -> assertThat(failed).anyMatch(name -> name.startsWith("every domain"))
                    .anyMatch(name -> name.startsWith("a domain's lifecycle"));
            case ERROR_CODES_LOST -> assertThat(failed).anyMatch(name -> name.startsWith("lookup errors"));
            default -> throw new AssertionError(breakage);
        }
    }
}
