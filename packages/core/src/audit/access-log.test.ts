import { BlockList, isIP } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVIDENCE_ACCESS_LOG, holdsAddress, scrubAccessLog, truncateAddress } from "./access-log";

const OWNER = "3f5a0c1e9b7d2468ace13579bdf02468ace13579bdf02468ace13579bdf02468";
const SIGNER =
  "arn:aws:sts::123456789012:assumed-role/prod-lapora-Api-apiPublicServiceRole1A2B3C/prod-lapora-Api-apiPublic4D5E6F";
const PHONE_UA =
  "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

/** Records as S3 writes them for the evidence bucket: a phone's upload (IPv4, then IPv6), a check, a link. */
const SAMPLE = [
  `${OWNER} prod-lapora-storage-evidence1a2b3c [07/Dec/2026:01:30:12 +0000] 182.253.17.94 ${SIGNER} 5DC1F8B2E0A4C713 REST.POST.OBJECT evidence/01JEQ3Z7K9M2N4P6R8S0T2V4W6/1 "POST / HTTP/1.1" 204 - - 412345 812 41 "https://lapora.example/" "${PHONE_UA}" - Yz3kT9qL0wR8vB2nM5xC7aE1dF4gH6jK8lP0oI2uY4tR6eW8qA1sD3fG5hJ7kL9z= SigV4 TLS_AES_128_GCM_SHA256 HtmlForm prod-lapora-storage-evidence1a2b3c.s3.ap-southeast-3.amazonaws.com TLSv1.3 - - ap-southeast-3`,
  `${OWNER} prod-lapora-storage-evidence1a2b3c [07/Dec/2026:01:31:40 +0000] 2001:448a:2061:9a3f:b1c2:d3e4:f5a6:b7c8 ${SIGNER} 9A07B1C2D3E4F506 REST.POST.OBJECT evidence/01JEQ3Z7K9M2N4P6R8S0T2V4W6/2 "POST / HTTP/1.1" 204 - - 398210 905 38 "https://lapora.example/lapor?lang=id" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1" - Qw8eR7tY6uI5oP4aS3dF2gH1jK0lZ9xC8vB7nM6= SigV4 TLS_AES_128_GCM_SHA256 HtmlForm prod-lapora-storage-evidence1a2b3c.s3.ap-southeast-3.amazonaws.com TLSv1.3 - - ap-southeast-3`,
  `${OWNER} prod-lapora-storage-evidence1a2b3c [07/Dec/2026:01:30:13 +0000] 10.0.141.27 arn:aws:sts::123456789012:assumed-role/prod-lapora-Evidence-evidenceUploadedServiceRole/prod-lapora-Evidence-evidenceUploaded 0B1C2D3E4F5A6B7C REST.GET.OBJECT evidence/01JEQ3Z7K9M2N4P6R8S0T2V4W6/1 "GET /evidence/01JEQ3Z7K9M2N4P6R8S0T2V4W6/1?x-id=GetObject HTTP/1.1" 200 - 412345 412345 57 12 "-" "aws-sdk-js/3.899.0 ua/2.1 os/linux lang/js md/nodejs#22.11.0 api/s3#3.899.0 exec-env/AWS_Lambda_nodejs22.x" 3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY Kp9Lm8Nn7Bb6Vv5Cc4Xx3Zz2= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader prod-lapora-storage-evidence1a2b3c.s3.ap-southeast-3.amazonaws.com TLSv1.2 - - ap-southeast-3`,
];

/** The fields of a record built by the tests, so what is expected is written field by field. */
const asLine = (fields: string[]) => fields.join(" ");

describe("truncateAddress", () => {
  it("cuts IPv4 to its /24 and IPv6 to its /48, in the short form", () => {
    expect(truncateAddress("182.253.17.94")).toBe("182.253.17.0");
    expect(truncateAddress("2001:448a:2061:9a3f:b1c2:d3e4:f5a6:b7c8")).toBe("2001:448a:2061::");
    expect(truncateAddress("2001:DB8::1")).toBe("2001:db8::");
    expect(truncateAddress("::1")).toBe("::");
    expect(truncateAddress("::ffff:192.0.2.77")).toBe("::ffff:192.0.2.0");
    expect(truncateAddress("64:ff9b:1::c000:221")).toBe("64:ff9b:1::");
  });

  it("refuses what is not an address", () => {
    for (const bad of [
      "",
      "-",
      "256.1.1.1",
      "1.2.3",
      "01.2.3.4",
      "1:2:3:4:5:6:7:8:9",
      "1::2::3",
      "fe80::1%eth0",
      "g::1",
    ])
      expect(truncateAddress(bad), bad).toBeUndefined();
  });

  it("keeps exactly the network: the cut address is in the same /24 or /48, and cutting again changes nothing", () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (address) => {
        const cut = truncateAddress(address) as string;
        const family = isIP(address) === 4 ? "ipv4" : "ipv6";
        expect(isIP(cut)).toBe(isIP(address));
        const network = new BlockList();
        network.addSubnet(cut, family === "ipv4" ? 24 : 48, family);
        expect(network.check(address, family)).toBe(true);
        expect(truncateAddress(cut)).toBe(cut);
      }),
    );
  });
});

describe("scrubAccessLog on S3's records", () => {
  it("keeps every record and field but the address, cut to its network, and the referrer and user agent", () => {
    const { text, records, dropped } = scrubAccessLog(`${SAMPLE.join("\n")}\n`);
    expect({ records, dropped }).toEqual({ records: 3, dropped: 0 });
    const lines = text.split("\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe(
      SAMPLE[0]
        ?.replace(" 182.253.17.94 ", " 182.253.17.0 ")
        .replace(`"https://lapora.example/" "${PHONE_UA}"`, '"-" "-"'),
    );
    expect(lines[1]).toContain(" 2001:448a:2061:: ");
    expect(lines[2]).toContain(" 10.0.141.0 ");
    expect(lines[2]).toContain(' 200 - 412345 412345 57 12 "-" "-" 3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY ');
    for (const secret of [
      "182.253.17.94",
      "2001:448a:2061:9a3f",
      "10.0.141.27",
      "Android",
      "iPhone",
      "aws-sdk-js",
      "lapora.example/",
    ])
      expect(text).not.toContain(secret);
  });

  it("reads the oldest format (18 fields), quoted fields with spaces and escaped quotes, and absent addresses", () => {
    const old = `${OWNER} bucket [06/Feb/2019:00:00:38 +0000] 192.0.2.3 - 3E57427F3EXAMPLE REST.GET.OBJECT photo.jpg "GET /bucket/photo.jpg HTTP/1.1" 200 - 2662992 3462992 70 10 "https://example.com/a page" "Browser \\"with quotes\\" 1.0" -`;
    const internal = `${OWNER} bucket [06/Feb/2019:00:00:38 +0000] - - 3E57427F3EXAMPLE S3.EXPIRE.OBJECT photo.jpg "-" - - - - - - "-" "-" -`;
    const { text, records } = scrubAccessLog(`${old}\n${internal}`);
    expect(records).toBe(2);
    expect(text).toBe(
      `${OWNER} bucket [06/Feb/2019:00:00:38 +0000] 192.0.2.0 - 3E57427F3EXAMPLE REST.GET.OBJECT photo.jpg "GET /bucket/photo.jpg HTTP/1.1" 200 - 2662992 3462992 70 10 "-" "-" -\n${internal}\n`,
    );
  });

  it("drops, and counts, every line that does not read as a record", () => {
    const [first = ""] = SAMPLE;
    const broken = [
      first.split(" ").slice(0, 12).join(" "), // too few fields
      first.replace("[07/Dec/2026:01:30:12 +0000]", "[07/Dec/2026:01:30:12 +0000"), // unclosed time
      first.replace(`${PHONE_UA}" -`, `${PHONE_UA} -`), // unclosed user agent
      first.replace('"https://lapora.example/"', '"https://lapora.example/"x'), // a quote running into text
      first.replace(" 204 - - ", " 204  - - "), // two spaces: an empty field
      first.replace(" SigV4 ", " v4 "), // the fields after the user agent have moved
      first.replace(" 182.253.17.94 ", " phone.example "), // not an address
      `${first} `,
      "not a log line at all",
    ];
    const { text, records, dropped } = scrubAccessLog([...broken, SAMPLE[1]].join("\n"));
    expect({ records, dropped }).toEqual({ records: 1, dropped: broken.length });
    expect(text).not.toContain("182.253.17");
    expect(text).not.toContain("Android");
  });

  it("drops a record that would still hold the address after scrubbing (a field added one day)", () => {
    const { records, dropped } = scrubAccessLog(`${SAMPLE[0]} 182.253.17.94`);
    expect({ records, dropped }).toEqual({ records: 0, dropped: 1 });
    expect(scrubAccessLog(`${SAMPLE[0]} "${PHONE_UA}"`).dropped).toBe(1);
  });

  it("names the prefixes S3 delivers to and the scrubbed files are kept under, apart", () => {
    expect(EVIDENCE_ACCESS_LOG.raw.startsWith(EVIDENCE_ACCESS_LOG.kept)).toBe(false);
    expect(EVIDENCE_ACCESS_LOG.kept.startsWith(EVIDENCE_ACCESS_LOG.raw)).toBe(false);
  });
});

// ---------- properties, over generated records

const hexString = (length: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: length, maxLength: length });
const tag = hexString(12);
const escapeQuotes = (s: string) => s.replace(/\\/g, "\\\\").replace(/"/g, '\\"');

/** A phone's user agent, sometimes with quotes, and a tag no other field has. */
const userAgent = fc.oneof(
  fc.constant(undefined),
  fc
    .record({
      android: fc.integer({ min: 8, max: 15 }),
      model: fc.constantFrom("SM-A145F", "Redmi Note 12", "vivo 1906", "CPH2477", 'Odd "Phone" \\ 5'),
      chrome: fc.integer({ min: 100, max: 140 }),
      tag,
    })
    .map(
      ({ android, model, chrome, tag }) =>
        `Mozilla/5.0 (Linux; Android ${android}; ${model}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${chrome}.0.0.0 Mobile Safari/537.36 ${tag}`,
    ),
);
const referrer = fc.oneof(
  fc.constant(undefined),
  fc
    .tuple(fc.constantFrom("", "lapor", "lacak/LPR-0000"), tag)
    .map(([path, t]) => `https://lapora.example/${path}?r=${t}`),
);
const quoted = (value: string | undefined) => (value === undefined ? '"-"' : `"${escapeQuotes(value)}"`);
const number = fc.oneof(fc.constant("-"), fc.nat({ max: 10_000_000 }).map(String));

/** A record: its fields, its address, user agent and referrer. */
const record = fc
  .record({
    address: fc.oneof(fc.ipV4(), fc.ipV6(), fc.constant("-")),
    requester: fc.constantFrom("-", SIGNER, OWNER),
    requestId: hexString(16).map((s) => s.toUpperCase()),
    operation: fc.constantFrom(
      "REST.POST.OBJECT",
      "REST.GET.OBJECT",
      "REST.PUT.OBJECT_TAGGING",
      "REST.HEAD.OBJECT",
    ),
    key: fc.oneof(
      fc.constant("-"),
      fc.tuple(hexString(26), fc.integer({ min: 1, max: 5 })).map(([id, n]) => `evidence/${id}/${n}`),
    ),
    uri: fc.constantFrom(
      '"POST / HTTP/1.1"',
      '"GET /evidence/x?X-Amz-Algorithm=AWS4-HMAC-SHA256 HTTP/1.1"',
      "-",
    ),
    status: fc.constantFrom("200", "204", "403", "404"),
    error: fc.constantFrom("-", "AccessDenied", "NoSuchKey"),
    numbers: fc.array(number, { minLength: 4, maxLength: 4 }),
    referrer,
    userAgent,
    // Version id to ACL required (fields 18-26), and what S3 may add after them.
    tail: fc.tuple(
      fc.constantFrom("-", "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY"),
      fc.base64String({ minLength: 8, maxLength: 76 }),
      fc.constantFrom("SigV2", "SigV4", "-"),
      fc.constantFrom("ECDHE-RSA-AES128-GCM-SHA256", "TLS_AES_128_GCM_SHA256", "-"),
      fc.constantFrom("AuthHeader", "QueryString", "HtmlForm", "-"),
      fc.constantFrom("bucket.s3.ap-southeast-3.amazonaws.com", "-"),
      fc.constantFrom("TLSv1.2", "TLSv1.3", "-"),
      fc.constantFrom("-", "arn:aws:s3:ap-southeast-3:123456789012:accesspoint/x"),
      fc.constantFrom("-", "Yes"),
      fc.constantFrom([], ["ap-southeast-3"], ["ap-southeast-3", "-"]),
    ),
    fieldCount: fc.integer({ min: 18, max: 28 }),
  })
  .map((r) => {
    const [version, ...rest] = r.tail;
    const after = [version, ...rest.slice(0, 8), ...rest[8]] as string[];
    const fields = [
      OWNER,
      "prod-lapora-storage-evidence1a2b3c",
      "[07/Dec/2026:01:30:12 +0000]",
      r.address,
      r.requester,
      r.requestId,
      r.operation,
      r.key,
      r.uri,
      r.status,
      r.error,
      ...r.numbers,
      quoted(r.referrer),
      quoted(r.userAgent),
      ...after,
    ].slice(0, Math.max(18, Math.min(r.fieldCount, 17 + after.length)));
    return { fields, address: r.address, referrer: r.referrer, userAgent: r.userAgent };
  });

describe("scrubAccessLog, for any records", () => {
  it("changes exactly the address, referrer and user agent of each, in order, and keeps none of them", () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), (recs) => {
        const input = recs.map((r) => asLine(r.fields)).join("\n");
        const { text, records, dropped } = scrubAccessLog(input);
        expect({ records, dropped }).toEqual({ records: recs.length, dropped: 0 });
        const lines = text.split("\n").slice(0, -1);
        recs.forEach((r, i) => {
          const cut = r.address === "-" ? "-" : (truncateAddress(r.address) as string);
          const expected = [...r.fields];
          expected[3] = cut;
          expected[15] = '"-"';
          expected[16] = '"-"';
          expect(lines[i]).toBe(asLine(expected));
          // As an address: "::1" is inside every requester ARN ("sts::123456789012") and says nothing there.
          if (cut !== r.address) expect(holdsAddress(text, r.address)).toBe(false);
          for (const secret of [
            r.referrer,
            r.userAgent,
            r.referrer && escapeQuotes(r.referrer),
            r.userAgent && escapeQuotes(r.userAgent),
          ])
            if (secret) expect(text).not.toContain(secret);
        });
      }),
    );
  });

  it("drops a record broken anywhere, and keeps nothing of its address or user agent", () => {
    const breaks: ((fields: string[]) => string)[] = [
      (f) => asLine(f.slice(0, 10)),
      (f) => asLine(f.map((x, i) => (i === 2 ? x.slice(0, -1) : x))), // the time's "]"
      (f) => asLine(f.map((x, i) => (i === 16 ? x.slice(0, -1) : x))), // the user agent's closing quote
      (f) => asLine(f.map((x, i) => (i === 15 ? `${x}x` : x))), // a quote running into text
      (f) => `${asLine(f.slice(0, -1))}  ${f.at(-1)}`, // an empty field
    ];
    fc.assert(
      fc.property(record, record, fc.constantFrom(...breaks), (bad, good, breakIt) => {
        const { text, records, dropped } = scrubAccessLog(`${breakIt(bad.fields)}\n${asLine(good.fields)}\n`);
        expect({ records, dropped }).toEqual({ records: 1, dropped: 1 });
        expect(text.split("\n")).toHaveLength(2);
        if (bad.userAgent) expect(text).not.toContain(bad.userAgent);
        if (
          bad.address !== "-" &&
          bad.address !== good.address &&
          truncateAddress(bad.address) !== bad.address
        )
          expect(holdsAddress(text, bad.address)).toBe(false);
      }),
    );
  });
});
