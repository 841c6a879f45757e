/** The QR drawing moved to src/ui (the counter poster draws one too). */
export { QrCode } from '../../ui/QrCode';
