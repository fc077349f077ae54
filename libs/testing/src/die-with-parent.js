// Preloaded into every child a test starts (runTypeScript): the child exits as soon as the test
// process that started it is gone, so a test run that ends, hangs up or is killed leaves no
// process of its own running. The IPC channel is only a lifeline: it carries no message and does
// not keep the child alive.
if (process.channel) {
  process.channel.unref();
  process.once('disconnect', () => process.exit(70));
}
