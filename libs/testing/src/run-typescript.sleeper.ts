// A child that would run for ever (run-typescript.int.spec.ts).
setInterval(() => undefined, 60_000);
