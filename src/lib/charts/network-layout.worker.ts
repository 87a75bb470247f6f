/// <reference lib="webworker" />
/** The module Web Worker that lays the department network out (see network-layout-worker.ts). */
import { answerLayout, type LayoutRequest } from './network-layout-worker';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<LayoutRequest>) => self.postMessage(answerLayout(event.data));
