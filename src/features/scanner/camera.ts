/**
 * The one place that knows the QR library (html5-qrcode, in maintenance mode
 * upstream): start a camera on an element, report each decoded text, stop.
 * Replacing the library means rewriting this file only. It is loaded lazily,
 * so the library stays out of the counter's initial JavaScript.
 */
export type Facing = 'environment' | 'user';

export type CameraProblem = 'insecure' | 'noCamera' | 'denied' | 'failed';

export class CameraError extends Error {
  constructor(readonly problem: CameraProblem) {
    super(problem);
  }
}

export interface RunningCamera {
  stop: () => Promise<void>;
}

/** Why a camera cannot start, before trying: no secure context or no camera API. */
export function cameraPrecheck(): CameraProblem | null {
  if (!window.isSecureContext) return 'insecure';
  if (!navigator.mediaDevices?.getUserMedia) return 'noCamera';
  return null;
}

function classify(error: unknown): CameraProblem {
  const text = String(error instanceof Error ? `${error.name} ${error.message}` : error);
  if (/NotAllowed|Permission|denied/i.test(text)) return 'denied';
  if (/NotFound|not found|Overconstrained|NotReadable|no camera/i.test(text)) return 'noCamera';
  return 'failed';
}

export async function startCamera(
  elementId: string,
  facing: Facing,
  onCode: (text: string) => void,
): Promise<RunningCamera> {
  const problem = cameraPrecheck();
  if (problem) throw new CameraError(problem);
  const { Html5Qrcode, Html5QrcodeSupportedFormats } = await import('html5-qrcode');
  const reader = new Html5Qrcode(elementId, {
    verbose: false,
    formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
    // The browser's own BarcodeDetector decodes far faster where it exists (Android, macOS).
    useBarCodeDetectorIfSupported: true,
    experimentalFeatures: { useBarCodeDetectorIfSupported: true },
  });
  try {
    await reader.start(
      { facingMode: facing },
      { fps: 15, disableFlip: true },
      (text) => onCode(text),
      () => undefined, // "no code in this frame": not an error
    );
  } catch (e) {
    reader.clear();
    throw new CameraError(classify(e));
  }
  return {
    stop: async () => {
      if (reader.isScanning) await reader.stop().catch(() => undefined);
      reader.clear();
    },
  };
}
