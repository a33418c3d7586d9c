/**
 * The options of every object type that is upstream JSON read as it is: its fields resolve with
 * graphql-js's default resolver (a property read), not through type-graphql's per-field wrapper,
 * which the gateway uses no middleware or authorization for and which made an object and a call
 * for each of the hundreds of fields a page resolves. Fields with a field resolver keep theirs.
 * Not for a type whose fields are renamed from the JSON (DockerConfig's `Hostname` is `hostname`):
 * the default resolver reads the schema's name.
 */
export const UPSTREAM_DATA = { simpleResolvers: true } as const;
