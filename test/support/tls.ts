import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { join } from "node:path";

/** A company CA, and a server certificate it signed for 127.0.0.1 and localhost. */
export interface TestCertificates {
  /** The CA certificate in PEM, as NODE_EXTRA_CA_CERTS takes it. */
  caPath: string;
  key: string;
  /** The server's certificate alone: the client must know the CA to trust it. */
  cert: string;
}

/**
 * Made by openssl in `dir` for this run only (node:crypto cannot issue certificates, and a
 * committed private key would trip secret scanners); undefined when openssl is missing.
 */
export async function makeCertificates(dir: string): Promise<TestCertificates | undefined> {
  const openssl = (...args: string[]) =>
    execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
  try {
    openssl("version");
  } catch {
    return undefined;
  }
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  openssl(
    "req",
    "-x509",
    ...ec,
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
    "-days",
    "2",
    "-subj",
    "/CN=Test Company Inspection CA",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign",
  );
  openssl("req", ...ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
  await writeFile(join(dir, "server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  openssl(
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.pem",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    "server.ext",
    "-out",
    "server.pem",
  );
  return {
    caPath: join(dir, "ca.pem"),
    key: await readFile(join(dir, "server.key"), "utf8"),
    cert: await readFile(join(dir, "server.pem"), "utf8"),
  };
}

export interface TlsFront {
  /** "https://127.0.0.1:PORT" */
  url: string;
  /** TCP connections accepted, whether or not the TLS handshake then succeeded. */
  connections: () => number;
  close(): Promise<void>;
}

/**
 * An https server on loopback that forwards every request to `target` (the simulator), as
 * a TLS-terminating proxy in front of Lucca would.
 */
export async function startTlsFront(
  certificates: TestCertificates,
  target: string,
): Promise<TlsFront> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const upstream = new URL(target);
  const server = createServer({ key: certificates.key, cert: certificates.cert }, (req, res) => {
    const forwarded = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on("error", () => res.destroy());
    req.pipe(forwarded);
  });
  server.on("connection", (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // A client that refuses the certificate ends the handshake: that is the test, not an error.
  server.on("tlsClientError", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
