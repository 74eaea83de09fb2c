/**
 * libvirt4j's TCK: the JUnit 5 kit every backend runs, the private-libvirtd fixture and the
 * architecture rules.
 */
module org.libvirt4j.tck {
    requires transitive org.libvirt4j;
    requires transitive org.junit.jupiter.api;
    requires org.junit.jupiter.params;
    requires org.assertj.core;
    requires com.tngtech.archunit;
    requires java.xml;

    exports org.libvirt4j.tck;

    // JUnit instantiates the areas' nested test classes and calls their methods reflectively.
    opens org.libvirt4j.tck to org.junit.platform.commons;
}
