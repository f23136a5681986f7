import { ApiFailure, type ApiResult } from './result';
import {
  OPERATION_NAMES,
  type OperationInput,
  type OperationName,
  type OperationOutput,
} from './contract';

/** How a call reaches the services: Electron IPC via the preload, or the browser shell's HTTP. */
export type Transport = (operation: OperationName, input: unknown) => Promise<ApiResult<unknown>>;

/** `client['conferences.get']({ id })` resolves to the output or rejects with an ApiFailure. */
export type ApiClient = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<OperationOutput<K>>;
};

export function createApiClient(transport: Transport): ApiClient {
  const client: Partial<Record<OperationName, (input: unknown) => Promise<unknown>>> = {};
  for (const name of OPERATION_NAMES) {
    client[name] = async (input: unknown) => {
      const result = await transport(name, input);
      if (!result.ok) throw new ApiFailure(result.error.code, result.error.message);
      return result.value;
    };
  }
  return client as ApiClient;
}
