/** HTTP and HTTPS GET checks through one shared java.net.http client that accepts any certificate. */
package io.ballast.agent.health.http;
