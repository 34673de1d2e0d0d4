/**
 * Prisma names enum values as identifiers (`failover_condition_met`, with `@map` to the database's
 * value); the database and every other layer spell them as the product does (`failover-condition-met`).
 * These two convert between the spellings, typed value for value.
 */
export type RowEnum<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}_${RowEnum<Tail>}` : S;
export type ProductEnum<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}-${ProductEnum<Tail>}` : S;

// The casts state what replaceAll does to the letters, which TypeScript's string types cannot follow.
export const toRowEnum = <S extends string>(value: S): RowEnum<S> => value.replaceAll('-', '_') as RowEnum<S>;
export const fromRowEnum = <S extends string>(value: S): ProductEnum<S> => value.replaceAll('_', '-') as ProductEnum<S>;
