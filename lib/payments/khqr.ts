// Payment requests as KHQR, Cambodia's national QR payment standard, through NBC's SDK. Every
// banking app in Cambodia can pay one. The merchant account is configured by environment
// variables (README); the demo uses a sandbox account that no bank knows.
import { BakongKHQR, khqrData, MerchantInfo } from 'bakong-khqr';

export interface PaymentRequest {
  khqr: string;
  md5: string;
}

export interface PaymentProvider {
  request(bill: { billNumber: string; amountRiel: number; expiresAt: Date }): PaymentRequest;
}

export function khqrProvider(env: NodeJS.ProcessEnv = process.env): PaymentProvider {
  return {
    request({ billNumber, amountRiel, expiresAt }) {
      const merchant = new MerchantInfo(
        env.KHQR_BAKONG_ACCOUNT ?? 'mpwt_sandbox@devb',
        env.KHQR_MERCHANT_NAME ?? 'MPWT e-Services',
        env.KHQR_MERCHANT_CITY ?? 'Phnom Penh',
        env.KHQR_MERCHANT_ID ?? '000000',
        env.KHQR_ACQUIRING_BANK ?? 'DEVBKHPPXXX',
        {
          currency: khqrData.currency.khr,
          amount: amountRiel,
          billNumber,
          storeLabel: 'MPWT',
          terminalLabel: 'e-Services',
          expirationTimestamp: expiresAt.getTime(),
        },
      );
      const response = new BakongKHQR().generateMerchant(merchant);
      if (response.status.code !== 0 || !response.data) throw new Error(`KHQR could not be made: ${response.status.message}`);
      return { khqr: response.data.qr, md5: response.data.md5 };
    },
  };
}
