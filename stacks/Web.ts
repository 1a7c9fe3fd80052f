import { CLIENT_HEADER, contentSecurityPolicy, WEB_PAGES, webStyleHashes } from "@lapora/core/infra";
import { Duration, Fn, Lazy } from "aws-cdk-lib";
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { BucketEncryption } from "aws-cdk-lib/aws-s3";
import { NagSuppressions } from "cdk-nag";
import { type StackContext, StaticSite, use } from "sst/constructs";
import { Api, ORIGIN_HEADER } from "./Api";

export { CLIENT_HEADER };
/** Sets CLIENT_HEADER to the viewer's address, replacing anything the viewer sent under that name. */
export const CLIENT_ADDRESS_CODE = `function handler(event) {
  var request = event.request;
  request.headers["${CLIENT_HEADER}"] = { value: event.viewer.ip };
  return request;
}`;

import { Storage } from "./Storage";
import { webAclArnFromEdge } from "./web-acl";

/**
 * CloudFront viewer-request code for client-side routing, as core's `webPageFor` says (web-pages.ts; the
 * Web test runs both over the same paths): `/` gets index.html (the report form, prerendered), any other
 * path whose last segment has no file extension app.html, and the officers' console (/konsol) console.html.
 * SST's file options keep every .html uncached, so all update at once. Done here rather than with
 * distribution-wide error responses, which would also turn the API's own 403/404 JSON into a page.
 */
export const SPA_ROUTING_CODE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var last = uri.slice(uri.lastIndexOf("/") + 1);
  if (last.indexOf(".") === -1) {
    if (uri === "/konsol" || uri.indexOf("/konsol/") === 0) request.uri = "${WEB_PAGES.console}";
    else request.uri = uri === "/" ? "${WEB_PAGES.form}" : "${WEB_PAGES.app}";
  }
  return request;
}`;

/**
 * The static web app on S3 + CloudFront, with `/api/*` on the same domain going to the HTTP API, behind the
 * Edge app's web ACL. CloudFront adds the origin secret to every API request; without it the API answers 403,
 * so the raw execute-api address serves nothing.
 */
/** Upload options for the files whose name is not hashed but which browsers must not keep (Web.test.ts). */
export const WEB_FILE_OPTIONS = [
  { files: "konsol-sw.js", cacheControl: "max-age=0,no-cache,no-store,must-revalidate" },
  {
    files: "konsol.webmanifest",
    cacheControl: "max-age=0,no-cache,no-store,must-revalidate",
    contentType: "application/manifest+json",
  },
];

/** The site's sources and its build output, as StaticSite builds and uploads them below. */
const WEB_PATH = "packages/web";
const WEB_OUTPUT = "dist";
export const WEB_DIST = `${WEB_PATH}/${WEB_OUTPUT}`;

export function Web({ app, stack }: StackContext) {
  const { api, originSecret, secrets } = use(Api);
  const { evidence } = use(Storage);
  // Browsers post photos straight to the evidence bucket, at the regional endpoint presigned POST uses.
  // The page's inline stylesheet is allowed by its hash, which the site's build writes (dist/csp.json).
  // SST builds the site after this stack's constructs are made (a deferred task) and before the template
  // is written, so the policy is produced then. When the site is deployed, a build without the file fails
  // the deploy rather than ship a CSP that blocks the form's styles; when it is not (sst dev, remove, a
  // deploy of other stacks) nothing was built and nothing is required.
  const csp = Lazy.string({
    produce: () =>
      contentSecurityPolicy({
        uploadOrigins: [`https://${evidence.cdk.bucket.bucketRegionalDomainName}`],
        styleHashes: webStyleHashes(WEB_DIST, { required: site.cdk !== undefined }),
      }),
  });

  const securityHeaders = new ResponseHeadersPolicy(stack, "SecurityHeaders", {
    comment: "Lapora web: CSP from packages/core/src/web-security.ts, HSTS, nosniff, DENY framing",
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(730),
        includeSubdomains: true,
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      // Same as the local runtime; tracking pages must not leak their URL to anyone.
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
    },
  });

  const spaRouting = new CloudFrontFunction(stack, "SpaRouting", {
    code: FunctionCode.fromInline(SPA_ROUTING_CODE),
    runtime: FunctionRuntime.JS_2_0,
  });

  // The client's address, as the API may trust it: X-Forwarded-For starts with whatever the viewer sent,
  // so this function overwrites a header of our own with the address CloudFront saw.
  const clientAddress = new CloudFrontFunction(stack, "ClientAddress", {
    code: FunctionCode.fromInline(CLIENT_ADDRESS_CODE),
    runtime: FunctionRuntime.JS_2_0,
  });
  const viewerAddress = [{ function: clientAddress, eventType: FunctionEventType.VIEWER_REQUEST }];

  const apiOrigin = new HttpOrigin(Fn.parseDomainName(api.url), {
    protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
    // Replaces any header of that name a viewer sends.
    customHeaders: { [ORIGIN_HEADER]: originSecret },
  });
  const site = new StaticSite(stack, "site", {
    path: WEB_PATH,
    buildCommand: "npm run build",
    buildOutput: WEB_OUTPUT,
    // SST writes an env-typing file for Vite sites; keep it out of packages/web (no site env vars).
    vite: { types: "../../.sst/web-env.d.ts" },
    // After SST's own (everything no-cache, hashed *.js and *.css immutable): the console's service worker
    // has a fixed name, so browsers must always fetch it fresh to see an update, and the manifest needs
    // its own type.
    assets: { fileOptions: WEB_FILE_OPTIONS },
    cdk: {
      bucket: { enforceSSL: true, encryption: BucketEncryption.S3_MANAGED },
      distribution: {
        webAclId: webAclArnFromEdge(stack, app.stage),
        errorResponses: [],
        // Price class 200 includes the Jakarta edge locations and skips the dearest regions.
        priceClass: PriceClass.PRICE_CLASS_200,
        httpVersion: HttpVersion.HTTP2_AND_3,
        defaultBehavior: {
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          responseHeadersPolicy: securityHeaders,
          functionAssociations: [{ function: spaRouting, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
        additionalBehaviors: {
          // Public weekly statistics change once a week and say so in Cache-Control: the edge keeps them,
          // so a dashboard view (up to 13 requests) does not wake the Lambda for each reader.
          "/api/stats/*": {
            origin: apiOrigin,
            viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
            allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
            cachePolicy: CachePolicy.USE_ORIGIN_CACHE_CONTROL_HEADERS,
            originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
            functionAssociations: viewerAddress,
          },
          // The Hono app sets its own security headers, as it does locally.
          "/api/*": {
            origin: apiOrigin,
            viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
            allowedMethods: AllowedMethods.ALLOW_ALL,
            cachePolicy: CachePolicy.CACHING_DISABLED,
            // API Gateway routes by its own Host name, so the viewer's Host must not be forwarded. With
            // caching disabled, this policy does forward Authorization (officers' ID tokens).
            originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
            functionAssociations: viewerAddress,
          },
        },
      },
    },
  });
  // SST always creates its own routing function (it appends ".html"); ours replaces it above.
  site.node.tryRemoveChild("CloudFrontFunction");
  // `sst dev` deploys no site, so there is nothing to check then.
  if (site.cdk) {
    NagSuppressions.addResourceSuppressions(site.cdk.distribution, [
      {
        id: "AwsSolutions-CFR1",
        reason:
          "Not wanted: a resident may report from anywhere (travelling, working away, a foreign SIM); the WAF's reputation and rate rules meet abuse, not countries.",
      },
      {
        id: "AwsSolutions-CFR3",
        reason:
          "Logged by CloudFront standard logging v2 (stacks/cloudfront-logs.ts, in the Audit stack), which this rule cannot see: it reads only the legacy Logging setting, whose logs would keep every reporter's full address (CloudFront cannot truncate it), which Lapora never keeps. v2 keeps only the fields chosen, none of them an address.",
      },
      {
        id: "AwsSolutions-CFR4",
        reason:
          "No custom domain yet (docs/deploy.md): with CloudFront's default certificate the viewer TLS policy cannot be chosen. A custom domain with an ACM certificate and TLSv1.2_2021 fixes it.",
      },
      {
        id: "AwsSolutions-CFR7",
        reason:
          "SST v2's StaticSite builds the S3 origin itself, with an origin access identity, which also keeps the bucket private; origin access control needs a bucket of our own for StaticSite (a new bucket), a change of its own.",
      },
    ]);
    NagSuppressions.addResourceSuppressions(site.cdk.bucket, [
      {
        id: "AwsSolutions-S1",
        reason:
          "Only the built web app, public through CloudFront, its only reader: an access log would list CloudFront's fetches.",
      },
    ]);
  }

  // For `npm run smoke` after a deploy (docs/deploy.md): the site, and the name of the secret the test
  // report's token is made from (a name, not the value; reading the value takes AWS credentials).
  stack.addOutputs({ SiteUrl: site.url, SourceKeySecretName: secrets.sourceKey.secretName });

  return { site };
}
