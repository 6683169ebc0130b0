import type { components } from "./schema";

export type ErrorCode = components["schemas"]["ErrorCode"];

/** A problem as sent, or made up here (`network_error`) when none came back. */
export type Problem = Omit<components["schemas"]["ProblemDetails"], "code"> & {
  code: ErrorCode | "network_error";
};

/** An API failure, carrying the RFC 9457 problem the server sent. */
export class ApiProblem extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.problem = problem;
  }
  /** The server's code, or `network_error` when no problem came back. */
  get code(): ErrorCode | "network_error" {
    return this.problem.code;
  }
  get status(): number {
    return this.problem.status;
  }
  /** Messages for one field (`errors` of a 422). */
  field(name: string): string | undefined {
    return this.problem.errors?.[name]?.join(" ");
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "code" in value && "status" in value;
}

/** The data of an openapi-fetch result, or throws an `ApiProblem`. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = result.error;
    throw new ApiProblem(
      isProblem(body)
        ? body
        : {
            type: "about:blank",
            title: result.response.statusText,
            status: result.response.status,
            code: "network_error",
          },
    );
  }
  return result.data as T;
}
