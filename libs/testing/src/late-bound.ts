/**
 * A value a `beforeAll` creates, usable in the describe block as if it were there from the
 * start: `ref` forwards every property (methods bound to the value) to what `set` was given.
 * It spares each block the `let x; beforeAll(() => { x = … })` dance for its engines.
 */
export function lateBound<T extends object>(what: string): { ref: T; set(value: T): void } {
  let value: T | undefined;
  const ref = new Proxy({} as T, {
    get(_, property) {
      if (value === undefined) throw new Error(`${what} is used before its beforeAll ran`);
      const member = Reflect.get(value, property, value) as unknown;
      return typeof member === 'function' ? member.bind(value) : member;
    },
  });
  return { ref, set: (next) => (value = next) };
}
