import { randomBytes } from 'node:crypto';
import type { Platform } from '../context';
import type { Route } from '../http';
import { USER_ID } from '../ids';
import { type ApiCall, type ApiOutcome, apiRoute, invalidBody, NOT_FOUND } from './api-route';

const MAX_IMAGE_BYTES = 1024 * 1024;
// These POSTs carry an image or nothing at all, not JSON.
const NO_JSON = { jsonBody: false };
const ok = (body: unknown = {}, chatIds: string[] = []): ApiOutcome => ({ status: 200, body, chatIds });
const bad = (message: string): ApiOutcome => ({ status: 400, body: { message } });

// Width and height from a PNG's IHDR or a JPEG's SOF marker: LINE requires the image to match the menu.
function imageSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504e47) {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  for (let i = 2; i + 9 < bytes.length && bytes[0] === 0xff && bytes[1] === 0xd8; ) {
    const marker = bytes[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xc3)
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  return null;
}

/**
 * The rich menu endpoints LINE documents (create, upload its image on api-data, default, link and
 * unlink per user, get, delete), checked like the rest: the body against messaging-api.yml and the
 * documented limits, the image's type, size and dimensions. The menu a user sees (their link, else the
 * default) is what the chat page shows (/_platform/richmenu).
 */
export function richMenuRoutes(platform: Platform): Route[] {
  const { state, validators } = platform;
  const own = (call: ApiCall, id: string) => {
    const stored = state.richMenus.get(id);
    return stored && stored.channel === call.channel.slug ? stored : undefined;
  };
  const notFound = (): ApiOutcome => ({ status: 404, body: NOT_FOUND });

  const create = (call: ApiCall): ApiOutcome => {
    const errors = validators.RichMenuRequest(call.json);
    if (errors.length > 0) return invalidBody(errors);
    const menu = call.json as { size: { width: number; height: number } };
    if (menu.size.width / menu.size.height < 1.45)
      return bad('The aspect ratio of the rich menu must be at least 1.45');
    const richMenuId = `richmenu-${randomBytes(16).toString('hex')}`;
    state.richMenus.set(richMenuId, {
      channel: call.channel.slug,
      menu: call.json as Record<string, unknown>,
    });
    return ok({ richMenuId });
  };

  const upload = (call: ApiCall): ApiOutcome => {
    const stored = own(call, call.params[0] ?? '');
    if (!stored) return notFound();
    if (stored.image) return bad('An image has already been uploaded to the richmenu');
    const contentType = (call.ctx.req.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (contentType !== 'image/png' && contentType !== 'image/jpeg') return bad('Unsupported content type');
    const bytes = call.ctx.body;
    if (bytes.length === 0 || bytes.length > MAX_IMAGE_BYTES) return bad('The image must be 1 MB or less');
    const size = imageSize(bytes);
    const want = stored.menu.size as { width: number; height: number };
    if (!size || size.width !== want.width || size.height !== want.height) {
      return bad(`The image must be ${want.width}x${want.height} to match the rich menu`);
    }
    stored.image = { bytes, contentType };
    return ok();
  };

  const withImage = (call: ApiCall, id: string) => {
    const stored = own(call, id);
    if (!stored) return notFound();
    return stored.image ? null : bad('Must upload richmenu image before applying it to user');
  };

  return [
    apiRoute(platform, 'POST', /^\/v2\/bot\/richmenu$/, 'richmenu', create),
    apiRoute(platform, 'POST', /^\/v2\/bot\/richmenu\/([^/]+)\/content$/, 'richmenu', upload, NO_JSON),
    apiRoute(platform, 'GET', /^\/v2\/bot\/richmenu\/([^/]+)$/, 'richmenu', (call) => {
      const stored = own(call, call.params[0] ?? '');
      return stored ? ok({ richMenuId: call.params[0], ...stored.menu }) : notFound();
    }),
    apiRoute(platform, 'DELETE', /^\/v2\/bot\/richmenu\/([^/]+)$/, 'richmenu', (call) => {
      const id = call.params[0] ?? '';
      if (!own(call, id)) return notFound();
      state.richMenus.delete(id);
      if (state.defaultRichMenus.get(call.channel.slug) === id)
        state.defaultRichMenus.delete(call.channel.slug);
      for (const [key, linked] of state.userRichMenus) if (linked === id) state.userRichMenus.delete(key);
      return ok();
    }),
    apiRoute(
      platform,
      'POST',
      /^\/v2\/bot\/user\/all\/richmenu\/([^/]+)$/,
      'richmenu',
      (call) => {
        const id = call.params[0] ?? '';
        const refused = withImage(call, id);
        if (refused) return refused;
        state.defaultRichMenus.set(call.channel.slug, id);
        return ok();
      },
      NO_JSON,
    ),
    apiRoute(
      platform,
      'POST',
      /^\/v2\/bot\/user\/([^/]+)\/richmenu\/([^/]+)$/,
      'richmenu',
      (call) => {
        const [userId = '', id = ''] = call.params;
        if (!USER_ID.test(userId)) return bad("The value for the 'userId' parameter is invalid");
        const refused = withImage(call, id);
        if (refused) return { ...refused, chatIds: [userId] };
        state.userRichMenus.set(`${call.channel.slug}:${userId}`, id);
        return ok({}, [userId]);
      },
      NO_JSON,
    ),
    apiRoute(platform, 'DELETE', /^\/v2\/bot\/user\/([^/]+)\/richmenu$/, 'richmenu', (call) => {
      const [userId = ''] = call.params;
      if (!USER_ID.test(userId)) return bad("The value for the 'userId' parameter is invalid");
      state.userRichMenus.delete(`${call.channel.slug}:${userId}`);
      return ok({}, [userId]);
    }),
    apiRoute(platform, 'GET', /^\/v2\/bot\/user\/([^/]+)\/richmenu$/, 'richmenu', (call) => {
      const [userId = ''] = call.params;
      const id = state.userRichMenus.get(`${call.channel.slug}:${userId}`);
      return id
        ? ok({ richMenuId: id }, [userId])
        : { status: 404, body: { message: 'the user has no richmenu' } };
    }),
  ];
}

/** What the chat page shows under a chat: the user's linked menu, else the channel's default. */
export function richMenuShownTo(platform: Platform, channel: string, userId: string) {
  const { state } = platform;
  const id = state.userRichMenus.get(`${channel}:${userId}`) ?? state.defaultRichMenus.get(channel);
  const stored = id ? state.richMenus.get(id) : undefined;
  if (!id || !stored?.image) return null;
  return { richMenuId: id, ...stored.menu, image: `/_platform/richmenu/${id}/image` };
}

/** GET /_platform/richmenu?channel&user (the shown menu) and its image, for the chat page. */
export function richMenuInspectRoutes(platform: Platform): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/_platform\/richmenu$/,
      handler(ctx) {
        const query = ctx.url.searchParams;
        const shown = richMenuShownTo(platform, query.get('channel') ?? '', query.get('user') ?? '');
        ctx.res.writeHead(200, { 'content-type': 'application/json' });
        ctx.res.end(JSON.stringify(shown));
      },
    },
    {
      method: 'GET',
      pattern: /^\/_platform\/richmenu\/([^/]+)\/image$/,
      handler(ctx, params) {
        const image = platform.state.richMenus.get(params[0] ?? '')?.image;
        if (!image) {
          ctx.res.writeHead(404);
          ctx.res.end();
          return;
        }
        ctx.res.writeHead(200, { 'content-type': image.contentType });
        ctx.res.end(image.bytes);
      },
    },
  ];
}
