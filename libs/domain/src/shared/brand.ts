/** A nominal type: a `string` that the compiler keeps apart from other strings. */
export type Brand<T, B extends string> = T & { readonly __brand: B };
