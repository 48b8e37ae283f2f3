/**
 * keepalived.conf, the one grammar: a lexer and parser that turn text into a syntax tree of
 * {@link io.ballast.model.keepalived.ConfNode}s (every node knows its file and line), a writer that
 * turns the tree back into text, the mapping between keepalived configurations and the Ballast
 * model (import with a line-by-line report, export), the VRRP-only rendering the agent runs
 * keepalived with, and the import of {@code ipvsadm-save -n} output.
 *
 * <p>Everything here is pure: strings in, strings out. Included files are read through an
 * {@link io.ballast.model.keepalived.IncludeResolver} that the caller supplies.
 */
package io.ballast.model.keepalived;
