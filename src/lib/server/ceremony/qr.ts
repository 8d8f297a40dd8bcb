/** QR codes for invitations, as SVG (sharp on paper at any size). */
import QRCode from 'qrcode';
import { groupQrPrefix, qrPrefix } from '$lib/ceremony/types';

const svg = (text: string) => QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });

export const inviteeQr = (code: string) => svg(`${qrPrefix}${code}`);
export const groupQr = (groupId: string) => svg(`${groupQrPrefix}${groupId}`);
