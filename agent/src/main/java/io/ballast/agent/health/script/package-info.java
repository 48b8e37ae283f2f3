/** Script checks: an argv run without a shell, bounded in number, killed with its children on timeout. */
package io.ballast.agent.health.script;
