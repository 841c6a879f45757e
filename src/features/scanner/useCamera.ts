/**
 * Runs the camera while the scanner is shown and the app is visible.
 *
 * Starts and stops are chained one after another, so React StrictMode's
 * mount → unmount → mount never opens two cameras; the camera stops when the
 * app goes to the background and restarts when it comes back (phones and iOS
 * home-screen apps otherwise leave a frozen video).
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { CameraError, startCamera, type CameraProblem, type Facing } from './camera';

export type CameraState =
  { status: 'starting' } | { status: 'running' } | { status: 'error'; problem: CameraProblem };

let queue: Promise<unknown> = Promise.resolve();

function subscribeVisibility(listener: () => void): () => void {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}

export function useCamera(
  elementId: string,
  facing: Facing,
  onCode: (text: string) => void,
): CameraState {
  const visible = useSyncExternalStore(subscribeVisibility, () => !document.hidden);
  const [state, setState] = useState<CameraState>({ status: 'starting' });
  const onCodeRef = useRef(onCode);
  useEffect(() => {
    onCodeRef.current = onCode;
  }, [onCode]);

  useEffect(() => {
    if (!visible) return;
    let cancelled = false;
    const started = queue.then(async () => {
      if (cancelled) return null;
      setState({ status: 'starting' });
      try {
        const camera = await startCamera(elementId, facing, (text) => onCodeRef.current(text));
        if (cancelled) {
          await camera.stop();
          return null;
        }
        setState({ status: 'running' });
        return camera;
      } catch (e) {
        if (!cancelled)
          setState({ status: 'error', problem: e instanceof CameraError ? e.problem : 'failed' });
        return null;
      }
    });
    queue = started;
    return () => {
      cancelled = true;
      queue = started.then((camera) => camera?.stop());
    };
  }, [elementId, facing, visible]);

  return state;
}
