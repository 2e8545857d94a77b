import type { ComplaintIntake } from '../../../db/intake';

/** A realistic product-quality complaint as the HTTP layer hands it over; override what a test needs. */
export function aComplaint(overrides: Partial<ComplaintIntake> = {}): ComplaintIntake {
  return {
    channel: 'web',
    source: 'external',
    subject: '收到的轴承有裂纹',
    description: '11月3日收到的一批轴承中有12件外圈有裂纹，无法装配。',
    occurredAt: new Date('2026-11-03T02:00:00Z'),
    location: '苏州工厂收货区',
    request: '更换有缺陷的轴承并赔偿停工损失',
    declaredCategory: 'quality',
    product: {
      orderNumber: 'PO-2026-1187',
      partNumber: 'BRG-6204-2RS',
      shipDate: '2026-10-30',
      quantity: 200,
      defectiveQuantity: 12,
    },
    lossAmount: 3600.5,
    currency: 'CNY',
    mediaExposure: false,
    language: 'zh-CN',
    callbackUrl: 'https://integrator.example/callbacks/complaints',
    clientId: 'portal',
    complainant: {
      name: '王小明',
      phone: '+86 138-0013-8000',
      email: 'Wang.XM@example.com',
      wechat: 'wxm_2026',
      address: '江苏省苏州市工业园区星湖街328号',
      organisation: '苏州精工机械有限公司',
    },
    evidence: [
      {
        filename: 'crack.jpg',
        contentType: 'image/jpeg',
        sizeBytes: 284_113,
        sha256: 'a'.repeat(64),
        storageKey: `evidence/${Math.random().toString(36).slice(2)}/crack.jpg`,
      },
    ],
    ...overrides,
  };
}
