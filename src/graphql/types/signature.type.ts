import { Field, ObjectType } from 'type-graphql';
import { ObjectMeta } from './object-meta.type';
import { GraphQLJSONObject } from './scalars';
import { UPSTREAM_DATA } from './upstream-data';

@ObjectType({
  ...UPSTREAM_DATA,
  description:
    'SignatureCondition describes an image signature condition of particular kind at particular probe time.',
})
export class SignatureCondition {
  @Field(() => String, { description: 'Type of signature condition: Trusted or ForImage.' })
  type!: string;

  @Field(() => String, { description: 'Status of the condition, one of True, False, Unknown.' })
  status!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Last time the condition was checked (RFC 3339).',
  })
  lastProbeTime?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Last time the condition transit from one status to another (RFC 3339).',
  })
  lastTransitionTime?: string | null;

  @Field(() => String, { nullable: true, description: "(brief) reason for the condition's last transition." })
  reason?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Human readable message indicating details about last transition.',
  })
  message?: string;
}

@ObjectType({ ...UPSTREAM_DATA, description: 'SignatureIssuer holds information about an issuer of signing certificate or key.' })
export class SignatureIssuer {
  @Field(() => String, { nullable: true, description: 'Organization name.' })
  organization?: string;

  @Field(() => String, { nullable: true, description: 'Common name (e.g. openshift-signing-service).' })
  commonName?: string;
}

@ObjectType({
  ...UPSTREAM_DATA,
  description: 'SignatureSubject holds information about a person or entity who created the signature.',
})
export class SignatureSubject {
  @Field(() => String, { nullable: true, description: 'Organization name.' })
  organization?: string;

  @Field(() => String, { nullable: true, description: 'Common name (e.g. openshift-signing-service).' })
  commonName?: string;

  @Field(() => String, {
    description:
      'If present, it is a human readable key id of public key belonging to the subject used to verify image signature. ' +
      "It should contain at least 64 lowest bits of public key's fingerprint (e.g. 0x685ebe62bf278440).",
  })
  publicKeyID!: string;
}

@ObjectType({
  ...UPSTREAM_DATA,
  description:
    'ImageSignature holds a signature of an image. It allows to verify image identity and possibly other claims as long as the signature is trusted. ' +
    'Based on this information it is possible to restrict runnable images to those matching cluster-wide policy. ' +
    "Mandatory fields should be parsed by clients doing image verification. The others are parsed from signature's content by the server. " +
    'They serve just an informative purpose.',
})
export class Signature {
  @Field(() => ObjectMeta, {
    nullable: true,
    description: "metadata is the standard object's metadata; the name is <image digest>@<signature name>.",
  })
  metadata?: ObjectMeta;

  @Field(() => String, { description: 'Required: Describes a type of stored blob (AtomicImageV1).' })
  type!: string;

  @Field(() => String, {
    description: "Required: An opaque binary string which is an image's signature, base64-encoded.",
  })
  content!: string;

  @Field(() => [SignatureCondition], {
    nullable: true,
    description: "Conditions represent the latest available observations of a signature's current state.",
  })
  conditions?: SignatureCondition[];

  @Field(() => String, {
    nullable: true,
    description:
      "A human readable string representing image's identity. It could be a product name and version, " +
      'or an image pull spec (e.g. "registry.access.redhat.com/rhel7/rhel:7.2").',
  })
  imageIdentity?: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Contains claims from the signature.' })
  signedClaims?: Record<string, string>;

  @Field(() => String, {
    nullable: true,
    description: "If specified, it is the time of signature's creation (RFC 3339).",
  })
  created?: string | null;

  @Field(() => SignatureIssuer, {
    nullable: true,
    description: 'SignatureIssuer holds information about an issuer of signing certificate or key.',
  })
  issuedBy?: SignatureIssuer;

  @Field(() => SignatureSubject, {
    nullable: true,
    description: 'SignatureSubject holds information about a person or entity who created the signature.',
  })
  issuedTo?: SignatureSubject;
}
