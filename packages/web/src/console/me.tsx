import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Me } from "./lib/types";

export const MeContext = createContext<Me | undefined>(undefined);

/** The signed-in officer and the actions their role may take; only used below the signed-in shell. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe() outside the signed-in console");
  return me;
}
