/**
 * The lab's {@code --kernel} mode: the same presets in Linux network namespaces, with the nftables data
 * plane and keepalived. The only part of the client that uses {@code io.ballast.netns}; the loopback lab
 * never loads it, so the client stays free of Linux-only code elsewhere.
 */
package io.ballast.app.lab.kernel;
