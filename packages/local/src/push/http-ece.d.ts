// Only what the local push service uses of http_ece 1.2.0 (it ships no types).
declare module "http_ece" {
  interface DecryptParams {
    version: "aes128gcm";
    /** The receiving device's P-256 key pair. */
    privateKey: import("node:crypto").ECDH;
    /** The device's 16-byte auth secret, base64url. */
    authSecret: string;
  }
  const ece: {
    /** Throws when the body is malformed or does not authenticate. */
    decrypt(buffer: Buffer, params: DecryptParams): Buffer;
  };
  export default ece;
}
