// The fake Resend in a process of its own for the digest benchmark, so that parsing 100,000 emails
// does not run on the sender's event loop: prints its URL, serves until killed.
import { FakeResend } from '@clausewatch/testing';

FakeResend.start().then(
  (fake) => {
    fake.retainBodies = false;
    process.stdout.write(`${fake.url}\n`);
  },
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
