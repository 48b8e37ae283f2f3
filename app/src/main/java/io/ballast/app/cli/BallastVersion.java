package io.ballast.app.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar's manifest, or "development" when run from classes. */
final class BallastVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = BallastVersion.class.getPackage().getImplementationVersion();
        return new String[] {"ballast " + (version == null ? "development" : version)};
    }
}
