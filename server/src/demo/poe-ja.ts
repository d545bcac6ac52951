/** Japanese PoE documents: 検収書 / 作業完了確認書, 導入完了報告書, 請求書, メール, and an unrelated 社員食堂メニュー. */
import { addDays, formatDate, formatEmailDateJa, tokyoTime, type DateStyle } from './dates';
import type { Person } from './data';
import { money } from './poe-en';
import { familyName, type DocContext } from './poe-context';
import { ACCENT, MUTED, isWinAnsi, type PdfWriter } from './pdf-writer';

const BLANK_DATE = '　　　　年　　月　　日';

function jaDate(ctx: DocContext, at: Date = ctx.date): string {
  if (!ctx.dated) return BLANK_DATE;
  const style: DateStyle = ctx.spec.seed % 3 === 0 ? 'ja_era' : ctx.spec.seed % 3 === 1 ? 'ja' : 'iso_slash';
  return formatDate(at, ctx.timeZone, style);
}

/** "高橋様" for Japanese names, "Adele Vance様" otherwise. */
function honorific(person: Person): string {
  return `${isWinAnsi(person.name) ? person.name : familyName(person)}様`;
}

function partnerAddressee(ctx: DocContext): string {
  return ctx.spec.partner.nameJa ?? ctx.spec.partner.name;
}

/** 署名欄: company, title, name, signature with seal, date; remembers the signature and date regions. */
function signatureBox(w: PdfWriter, ctx: DocContext, heading: string): void {
  w.ensure(150);
  w.line(heading, { size: 11, style: 'bold', gap: 6 });
  const top = w.y;
  const height = 120;
  w.page.drawRectangle({ x: w.left, y: top - height, width: w.contentWidth, height, borderColor: MUTED, borderWidth: 0.8 });
  const x = w.left + 12;
  const valueX = x + 90;
  let y = top - 20;
  const person = ctx.signed ? ctx.signatory : null;
  w.drawAt('会社名', x, y, 10, 'regular', MUTED);
  w.drawAt(ctx.customerName, valueX, y, 10);
  y -= 20;
  w.drawAt('部署・役職', x, y, 10, 'regular', MUTED);
  w.drawAt(person?.title ?? '', valueX, y, 10);
  y -= 20;
  w.drawAt('氏名', x, y, 10, 'regular', MUTED);
  w.drawAt(person?.name ?? '', valueX, y, 10);
  y -= 30;
  w.drawAt('署名', x, y, 10, 'regular', MUTED);
  w.page.drawLine({ start: { x: valueX, y: y - 3 }, end: { x: valueX + 200, y: y - 3 }, thickness: 0.6, color: MUTED });
  if (person) {
    const sig = w.drawSignature(person.name, valueX + 8, y + 2, 16);
    const seal = w.drawSeal(familyName(person), valueX + 240, y + 6, 20);
    w.remember('signature', { x: sig.x, y: seal.y, width: seal.x + seal.width - sig.x, height: seal.height });
  } else {
    w.drawAt('印', valueX + 232, y, 12, 'regular', MUTED);
    w.remember('signature', { x: valueX, y: y - 8, width: 260, height: 34 });
  }
  y -= 22;
  w.drawAt('日付', x, y, 10, 'regular', MUTED);
  const dateRect = w.drawAt(ctx.signed ? jaDate(ctx) : BLANK_DATE, valueX, y, 10);
  w.remember('date', dateRect);
  w.y = top - height - 12;
}

export function acceptanceCertificateJa(w: PdfWriter, ctx: DocContext): void {
  const title = ctx.rng.chance(0.5) ? '検収書' : '作業完了確認書';
  w.line(title, { size: 22, style: 'bold', align: 'center', gap: 14 });
  w.line(`発行日　${jaDate(ctx)}`, { size: 10, align: 'right', gap: 10 });
  w.line(`${partnerAddressee(ctx)}　御中`, { size: 13, gap: 4 });
  w.line(`（パートナー ID: ${ctx.spec.partner.partnerId}）`, { size: 9, color: MUTED, gap: 10 });
  for (const line of ctx.spec.customer.address) w.line(line, { size: 10, align: 'right', gap: 2 });
  w.space(10);
  w.paragraph(`貴社より提供された下記の作業について、検収を完了したことを確認いたします。`);
  w.line('記', { size: 12, align: 'center', gap: 8 });
  const rects = w.keyValues(
    [
      ['件名', `${ctx.productPhrase} 導入支援業務`],
      ['契約番号', ctx.reference],
      ['作業期間', ctx.dated ? `${jaDate(ctx, ctx.startDate)} 〜 ${jaDate(ctx)}` : '　　年　　月　　日 〜 　　年　　月　　日'],
      ['検収日', jaDate(ctx)],
    ],
    { labelWidth: 90 },
  );
  if (ctx.productNames.length) w.remember('products', rects['件名']!);
  w.line('作業内容', { size: 10, style: 'bold', gap: 4 });
  if (ctx.describesWork) w.bullets(ctx.workItems);
  else w.paragraph('契約に基づく作業一式');
  w.line('以上', { size: 10, align: 'right', gap: 12 });
  signatureBox(w, ctx, 'お客様ご署名欄');
}

export function deploymentReportJa(w: PdfWriter, ctx: DocContext): void {
  w.line(ctx.partnerName, { size: 12, style: 'bold', color: ACCENT, gap: 4 });
  w.rule();
  w.line('導入完了報告書', { size: 22, style: 'bold', align: 'center', gap: 6 });
  w.line(`文書番号 ${ctx.reference}-DR`, { size: 9, align: 'right', color: MUTED, gap: 10 });
  const rects = w.keyValues(
    [
      ['お客様', ctx.customerName],
      ['テナント', ctx.spec.customer.domain],
      ['パートナー', `${ctx.partnerName}（パートナー ID: ${ctx.spec.partner.partnerId}）`],
      ['導入製品', ctx.productPhrase],
      ['本番稼働日', jaDate(ctx, addDays(ctx.date, -3))],
      ['利用ユーザー数', `${ctx.rng.int(30, 1800)} 名`],
    ],
    { labelWidth: 100 },
  );
  if (ctx.productNames.length) w.remember('products', rects['導入製品']!);
  w.heading('1. 概要');
  w.paragraph(`${ctx.partnerName}は、${ctx.customerName}様向けに${ctx.productPhrase}を導入し、本番環境での稼働を開始しました。主要なテストはすべて完了し、運用はお客様の情報システム部門に引き継ぎ済みです。`);
  w.heading('2. 実施内容');
  w.bullets(ctx.workItems);
  const sections = ctx.rng.shuffle([environmentJa, migrationJa, testingJa, issuesJa]);
  for (let p = 0; p < ctx.pages - 2; p++) {
    w.addPage();
    sections[p % sections.length]!(w, ctx, p + 3);
  }
  w.addPage();
  w.heading(`${ctx.pages + 1}. お客様確認`);
  w.paragraph('上記の導入作業が完了し、本番環境で稼働していることを確認しました。');
  w.space(6);
  signatureBox(w, ctx, 'お客様ご署名欄');
}

function environmentJa(w: PdfWriter, ctx: DocContext, n: number): void {
  w.heading(`${n}. 環境構成`);
  const names = ctx.productNames.length ? ctx.productNames : ['業務システム'];
  w.table(
    [{ header: '構成要素', width: 2.2 }, { header: '設定内容', width: 2.6 }, { header: '状態', width: 1 }],
    names.flatMap((name) => [
      [name, '本番環境の構築', '完了'],
      [name, 'セキュリティロールの設定', '完了'],
      [name, '監視とアラートの設定', '完了'],
    ]),
  );
}

function migrationJa(w: PdfWriter, ctx: DocContext, n: number): void {
  w.heading(`${n}. データ移行`);
  w.table(
    [{ header: 'データ', width: 2 }, { header: '件数', width: 1, align: 'right' }, { header: 'エラー', width: 1, align: 'right' }, { header: '状態', width: 1 }],
    ['取引先', '担当者', '商品', '受注残', '文書'].map((e) => [e, String(ctx.rng.int(200, 60000)), String(ctx.rng.int(0, 20)), '照合済み']),
  );
  w.paragraph('エラーとなったデータはお客様のデータ担当者が修正し、再移行しました。');
}

function testingJa(w: PdfWriter, ctx: DocContext, n: number): void {
  w.heading(`${n}. テスト結果`);
  w.table(
    [{ header: 'テスト工程', width: 2 }, { header: 'ケース数', width: 1, align: 'right' }, { header: '合格', width: 1, align: 'right' }, { header: '未解決', width: 1, align: 'right' }],
    ['結合テスト', 'システムテスト', '受入テスト', '性能テスト'].map((t) => {
      const cases = ctx.rng.int(20, 200);
      return [t, String(cases), String(cases - ctx.rng.int(0, 2)), '0'];
    }),
  );
  w.paragraph('重大な不具合は残っていません。');
}

function issuesJa(w: PdfWriter, _ctx: DocContext, n: number): void {
  w.heading(`${n}. 課題と対応`);
  w.table(
    [{ header: '番号', width: 0.6 }, { header: '課題', width: 3 }, { header: '対応', width: 3 }],
    [
      ['1', 'ゲストユーザーのシングルサインオンが失敗', '条件付きアクセスの設定を変更'],
      ['2', '業務時間中のレポート更新が遅い', '更新を夜間に変更'],
      ['3', '二回目の移行で重複データが発生', '重複検出ルールを追加し統合'],
    ],
  );
}

const yen = (n: number) => money(n, '¥', 0);

export function invoiceJa(w: PdfWriter, ctx: DocContext): void {
  w.line('請求書', { size: 24, style: 'bold', align: 'center', gap: 12 });
  w.line(`請求日　${ctx.dated ? formatDate(ctx.date, ctx.timeZone, 'ja') : BLANK_DATE}`, { size: 10, align: 'right', gap: 2 });
  w.line(`請求書番号　INV-${ctx.reference}`, { size: 10, align: 'right', gap: 10 });
  w.line(`${ctx.customerName}　御中`, { size: 14, gap: 10 });
  w.remember('date', { x: w.right - 160, y: w.y, width: 160, height: 40 });
  const lines: [string, number, number][] = ctx.productNames.length
    ? ctx.describesWork
      ? ctx.productNames.flatMap((n): [string, number, number][] => [
          [`${n} 導入支援作業（設計・構築）`, ctx.rng.int(1, 3), ctx.rng.int(80, 300) * 10000],
          [`${n} データ移行・トレーニング`, 1, ctx.rng.int(30, 120) * 10000],
        ])
      : ctx.productNames.map((n): [string, number, number] => [`${n} ライセンス（年間）`, ctx.rng.int(20, 300), ctx.rng.pick([9000, 12000, 16000])])
    : [
        ['システム導入支援作業 一式', 1, ctx.rng.int(200, 800) * 10000],
        ['トレーニング', 1, ctx.rng.int(20, 60) * 10000],
      ];
  const subtotal = lines.reduce((s, [, q, p]) => s + q * p, 0);
  const tax = Math.round(subtotal * 0.1);
  w.paragraph('下記のとおりご請求申し上げます。');
  w.line(`ご請求金額　${yen(subtotal + tax)}（税込）`, { size: 14, style: 'bold', gap: 10 });
  const table = w.table(
    [{ header: '品目', width: 4 }, { header: '数量', width: 0.7, align: 'right' }, { header: '単価', width: 1.2, align: 'right' }, { header: '金額', width: 1.3, align: 'right' }],
    lines.map(([d, q, p]) => [d, String(q), yen(p), yen(q * p)]),
  );
  if (ctx.productNames.length) w.remember('products', table);
  w.keyValues(
    [
      ['小計', yen(subtotal)],
      ['消費税（10%）', yen(tax)],
      ['合計', yen(subtotal + tax)],
    ],
    { labelWidth: 360 },
  );
  w.paragraph('お振込先：みずなら銀行 本店営業部 普通預金 1234567　お支払期限：請求日より30日以内', { size: 9 });
  w.line(`発行元：${ctx.partnerName}`, { size: 9, gap: 2 });
  for (const line of ctx.spec.partner.address.slice(1)) w.line(line, { size: 9, color: MUTED, gap: 2 });
  if (ctx.pages > 1) {
    w.addPage();
    w.heading('別紙：作業明細');
    w.table(
      [{ header: '週', width: 0.8 }, { header: '担当', width: 2 }, { header: '作業内容', width: 3.4 }, { header: '時間', width: 0.8, align: 'right' }],
      Array.from({ length: 10 }, (_, i) => [
        `第${i + 1}週`,
        (i % 2 ? ctx.partnerPerson : ctx.spec.partner.staff[0]!).name,
        ctx.rng.pick(['要件定義', '設計', '構築・設定', 'データ移行', 'テスト支援', 'トレーニング']),
        String(ctx.rng.int(12, 40)),
      ]),
    );
  }
  if (ctx.signed) {
    w.space(8);
    signatureBox(w, ctx, '受領確認');
  }
}

export function acceptanceEmailJa(w: PdfWriter, ctx: DocContext): void {
  const { signatory, partnerPerson } = ctx;
  const subject = `${ctx.productPhrase} 導入完了のご報告`;
  const reply = ctx.signed;
  const requestAt = tokyoTime(addDays(ctx.date, -2), 17, ctx.rng.int(0, 59));
  const sentAt = reply ? tokyoTime(ctx.date, ctx.rng.int(9, 12), ctx.rng.int(0, 59)) : requestAt;
  const from = reply ? signatory : partnerPerson;
  const to = reply ? partnerPerson : signatory;
  w.line(reply ? `Re: ${subject}` : subject, { size: 14, style: 'bold', gap: 8 });
  const rects = w.keyValues(
    [
      ['差出人:', `${from.name} <${from.email}>`],
      ['日時:', formatEmailDateJa(sentAt, ctx.timeZone)],
      ['宛先:', `${to.name} <${to.email}>`],
      ['CC:', `${ctx.spec.partner.contact.name} <${ctx.spec.partner.contact.email}>`],
      ['件名:', reply ? `Re: ${subject}` : subject],
    ],
    { labelWidth: 60 },
  );
  w.remember('date', rects['日時:']!);
  if (ctx.productNames.length) w.remember('products', rects['件名:']!);
  w.rule();
  if (reply) {
    w.paragraph(`${partnerAddressee(ctx)}\n${honorific(partnerPerson)}`);
    if (ctx.describesWork) {
      const body = w.paragraph(
        `いつもお世話になっております。${ctx.customerName}の${familyName(signatory)}です。\n${ctx.productPhrase}の導入作業につきまして、本番環境での稼働を確認いたしました。下記の作業が完了したことを確認し、検収とさせていただきます。`,
      );
      w.remember('signature', body);
      w.bullets(ctx.workItems);
      w.paragraph('ご対応いただき誠にありがとうございました。引き続きよろしくお願いいたします。');
    } else {
      const body = w.paragraph(`お世話になっております。${ctx.productPhrase}の件、問題ございません。よろしくお願いいたします。`);
      w.remember('signature', body);
    }
    w.paragraph(`――――――――\n${ctx.customerName}\n${signatory.title}\n${signatory.name}\n${signatory.email}`);
    if (!ctx.describesWork) return;
    w.line('-----Original Message-----', { size: 9, color: MUTED });
  }
  if (ctx.pages > 1 && reply) w.addPage();
  w.keyValues(
    [
      ['差出人:', `${partnerPerson.name} <${partnerPerson.email}>`],
      ['日時:', formatEmailDateJa(requestAt, ctx.timeZone)],
      ['宛先:', `${signatory.name} <${signatory.email}>`],
      ['件名:', subject],
    ],
    { labelWidth: 60, size: 9 },
  );
  w.paragraph(
    `${ctx.customerName}\n${honorific(signatory)}\n\nいつもお世話になっております。${partnerAddressee(ctx)}の${familyName(partnerPerson)}です。\n${ctx.productPhrase}の導入作業が完了しましたので、ご報告いたします。内容をご確認のうえ、本メールへのご返信にて検収のご確認をお願いいたします。`,
    { size: 9 },
  );
  w.bullets(ctx.workItems, 9);
  w.paragraph(`${partnerAddressee(ctx)}\n${partnerPerson.title}　${partnerPerson.name}`, { size: 9 });
  if (!reply) w.remember('signature', { x: w.left, y: w.y, width: w.contentWidth, height: 40 });
}

const MENU_JA = [
  ['鶏の唐揚げ定食', 'きつねうどん', 'ビーフカレー'],
  ['鯖の味噌煮定食', '醤油ラーメン', 'カツカレー'],
  ['豚の生姜焼き定食', '天ぷらそば', '野菜カレー'],
  ['ハンバーグ定食', '冷やし中華', 'シーフードカレー'],
  ['焼き魚定食', '味噌ラーメン', 'キーマカレー'],
];

export function unrelatedJa(w: PdfWriter, ctx: DocContext): void {
  w.line(`${ctx.customerName} 社員食堂`, { size: 18, style: 'bold', color: ACCENT, gap: 4 });
  w.line('今週のメニュー', { size: 14, gap: 12 });
  w.table(
    [{ header: '曜日', width: 0.8 }, { header: '日替わり定食', width: 2 }, { header: '麺類', width: 1.6 }, { header: 'カレー', width: 1.6 }],
    ['月', '火', '水', '木', '金'].map((d, i) => [d, ...MENU_JA[i]!]),
  );
  w.paragraph('サラダバーは毎日ご利用いただけます。アレルギーについては食堂スタッフにお尋ねください。');
  w.paragraph('営業時間：11:30〜14:00');
  if (ctx.pages > 1) {
    w.addPage();
    w.heading('お知らせ');
    w.paragraph('来月より、キャッシュレス決済に対応します。社員証をかざすだけでお支払いいただけます。');
  }
}
