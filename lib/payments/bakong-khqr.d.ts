// The parts of NBC's KHQR SDK (bakong-khqr, which ships no types) that the portal uses.
declare module 'bakong-khqr' {
  export const khqrData: { currency: { khr: number; usd: number } };
  export class MerchantInfo {
    constructor(
      bakongAccountID: string,
      merchantName: string,
      merchantCity: string,
      merchantID: string,
      acquiringBank: string,
      optional: { currency: number; amount: number; billNumber: string; storeLabel?: string; terminalLabel?: string; expirationTimestamp: number },
    );
  }
  export interface KHQRResponse<T> {
    status: { code: number; errorCode: number | null; message: string | null };
    data: T | null;
  }
  export class BakongKHQR {
    generateMerchant(info: MerchantInfo): KHQRResponse<{ qr: string; md5: string }>;
    static verify(qr: string): { isValid: boolean };
    static decode(qr: string): KHQRResponse<{ billNumber: string | null; transactionAmount: string | null; bakongAccountID: string | null }>;
  }
}
