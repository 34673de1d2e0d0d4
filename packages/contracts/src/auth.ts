import { z } from 'zod';

export const RoleSchema = z.enum(['admin', 'operator', 'auditor']);
export type Role = z.infer<typeof RoleSchema>;

/** admin ⊃ operator ⊃ auditor: a higher rank can do what a lower one can. */
export const roleRank: Record<Role, number> = { auditor: 0, operator: 1, admin: 2 };

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Username is required')
  .max(64, 'Username is at most 64 characters')
  .regex(/^[a-z0-9._-]+$/, 'Username may contain letters, digits, dot, dash and underscore');

/** Length-based policy (NIST SP 800-63B): at least 12 characters, at most 256. */
export const NewPasswordSchema = z
  .string()
  .min(12, 'Password must be at least 12 characters')
  .max(256, 'Password is at most 256 characters');

export const LoginRequestSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, 'Username is required').max(64),
  password: z.string().min(1, 'Password is required').max(256),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const UserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  role: RoleSchema,
  isDisabled: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type User = z.infer<typeof UserSchema>;

export const MeResponseSchema = z.object({
  user: UserSchema,
  /** How the request was authenticated. */
  via: z.enum(['session', 'token']),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const CreateUserRequestSchema = z.object({
  username: UsernameSchema,
  password: NewPasswordSchema,
  role: RoleSchema,
});
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const UpdateUserRequestSchema = z
  .object({
    role: RoleSchema.optional(),
    isDisabled: z.boolean().optional(),
    password: NewPasswordSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Give at least one of role, isDisabled, password' });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

export const UserListResponseSchema = z.object({ items: z.array(UserSchema) });

export const ApiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  role: RoleSchema,
  userId: z.uuid(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const CreateApiTokenRequestSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(100, 'Name is at most 100 characters'),
  role: RoleSchema,
  /** Days until the token expires; none means it lives until revoked. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequestSchema>;

/** The secret appears in this response only. */
export const CreateApiTokenResponseSchema = z.object({ token: ApiTokenSchema, secret: z.string() });
export const ApiTokenListResponseSchema = z.object({ items: z.array(ApiTokenSchema) });
