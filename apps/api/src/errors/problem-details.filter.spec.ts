import { CodedError } from '@clausewatch/errors';
import { BadRequestException, NotFoundException } from '@nestjs/common';
import { problemOf } from './problem-details.filter';

describe('problemOf (RFC 9457)', () => {
  it.each([
    ['not-found', 404, 'Not Found'],
    ['invalid', 400, 'Bad Request'],
    ['conflict', 409, 'Conflict'],
    ['too-large', 413, 'Payload Too Large'],
    ['unavailable', 503, 'Service Unavailable'],
  ] as const)('maps a coded error of kind %s to %i', (kind, status, title) => {
    const problem = problemOf(new CodedError('SOME_CODE', kind, 'what went wrong, and what to do'), '/api/v1/x');
    expect(problem).toEqual({ type: 'about:blank', title, status, detail: 'what went wrong, and what to do', instance: '/api/v1/x', code: 'SOME_CODE', message: 'what went wrong, and what to do' });
  });

  it("keeps Nest's HTTP exceptions' status and message (a validation error's list joined in the detail)", () => {
    expect(problemOf(new NotFoundException('Cannot GET /nope'), '/nope')).toMatchObject({ status: 404, detail: 'Cannot GET /nope' });
    const validation = problemOf(new BadRequestException(['email must be an email', 'plan must be one of free, watcher']), '/api/v1/subscribers');
    expect(validation).toMatchObject({ status: 400, detail: 'email must be an email; plan must be one of free, watcher', message: ['email must be an email', 'plan must be one of free, watcher'] });
  });

  it('answers anything else as a 500 that leaks nothing', () => {
    const problem = problemOf(new Error('connection to 10.0.0.5:5432 refused, password=hunter2'), '/api/v1/health');
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('hunter2');
  });
});
