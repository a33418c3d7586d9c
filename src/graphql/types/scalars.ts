// One import site for the custom scalars, so every type file uses the same GraphQLScalarType
// instances: graphql-js rejects two different scalar objects that share a name in one schema.
export { GraphQLJSONObject, GraphQLSafeInt } from 'graphql-scalars';
