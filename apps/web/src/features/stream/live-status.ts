import { createContext, useContext } from 'react';

/** Whether the live stream is connected; while it is not, the queue and tickets poll. */
export const LiveContext = createContext(false);

export const useLiveUpdates = () => useContext(LiveContext);
