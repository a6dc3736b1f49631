import { useEffect, useState, type RefObject } from "react";

/**
 * Ask for `ref` to take focus once React has drawn the next render: focusing straight after
 * setting state (or in the next animation frame) can run before the element exists.
 */
export function useFocusAfterRender(ref: RefObject<HTMLElement | null>): () => void {
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests > 0) ref.current?.focus();
  }, [requests, ref]);
  return () => setRequests((n) => n + 1);
}
