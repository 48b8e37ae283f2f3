package io.ballast.agent.api;

import io.ballast.agent.security.TlsIdentity;
import io.javalin.Javalin;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTPS server: Javalin on one TLS connector (Jetty's SslContextFactory with the agent's own
 * key). There is no plain-HTTP port: Javalin adds its default connector only when none is given.
 */
public final class ApiServer implements AutoCloseable {

    private final Javalin app;

    private ApiServer(Javalin app) {
        this.app = app;
    }

    /** Starts serving on {@code host:port} (port 0 picks a free one; see {@link #port()}). */
    public static ApiServer start(String host, int port, TlsIdentity identity, ApiServices services) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.modifyServletContextHandler(handler -> handler.getServletHandler().setDecodeAmbiguousURIs(true));
            config.jetty.addConnector((server, http) -> {
                // Service keys travel URL-encoded in paths ("tcp%2F203.0.113.10%3A80"); Jetty 12 refuses %2F by default.
                http.setUriCompliance(UriCompliance.LEGACY);
                http.addCustomizer(new SecureRequestCustomizer(false));
                SslContextFactory.Server tls = new SslContextFactory.Server();
                tls.setKeyStore(identity.keyStore());
                tls.setKeyStorePassword(new String(identity.password()));
                tls.setKeyManagerPassword(new String(identity.password()));
                tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
                ServerConnector connector = new ServerConnector(server,
                        new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(http));
                connector.setHost(host);
                connector.setPort(port);
                return connector;
            });
            ApiRoutes.install(config, services);
        });
        app.start();
        return new ApiServer(app);
    }

    public int port() {
        return app.port();
    }

    /** How many ports the server listens on (one: HTTPS); tests use it to prove there is no HTTP port. */
    public int connectorCount() {
        return app.jettyServer().server().getConnectors().length;
    }

    @Override
    public void close() {
        app.stop();
    }
}
