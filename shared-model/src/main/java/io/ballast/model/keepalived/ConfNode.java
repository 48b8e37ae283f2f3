package io.ballast.model.keepalived;

/**
 * One node of a keepalived.conf syntax tree: a statement (possibly with a block), an include, or a
 * {@code $NAME=value} definition.
 *
 * <p>Nodes compare by what they say, not by where they were written: two trees are equal when
 * keepalived would read them the same way, whatever their line numbers. That is what lets
 * {@code parse(write(tree)).equals(tree)} hold although the writer normalises layout.
 */
public sealed interface ConfNode permits ConfStatement, ConfInclude, ConfDefinition {

    /** File and line where the node starts. */
    ConfSource source();
}
