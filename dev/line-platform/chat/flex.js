// A readable approximation of Flex Messages: right structure and emphasis, not pixel-perfect LINE.
import { h } from './dom.js';

const FONT = { xxs: 11, xs: 13, sm: 14, md: 16, lg: 19, xl: 22, xxl: 29, '3xl': 35, '4xl': 48, '5xl': 74 };
const SPACE = { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 };
const IMAGE = {
  xxs: 40,
  xs: 60,
  sm: 80,
  md: 100,
  lg: 120,
  xl: 140,
  xxl: 160,
  '3xl': 180,
  '4xl': 200,
  '5xl': 240,
};

// Keyword or CSS length ("10px", "5%") to CSS.
const length = (value, table) => (value in table ? `${table[value]}px` : value);

function common(component) {
  const style = {};
  if (component.margin) style.marginTop = length(component.margin, SPACE);
  if (component.flex !== undefined) style.flex = String(component.flex);
  if (component.position === 'absolute') style.position = 'absolute';
  for (const side of ['Top', 'Bottom', 'Start', 'End']) {
    const value = component[`offset${side}`];
    if (value)
      style[{ Top: 'top', Bottom: 'bottom', Start: 'left', End: 'right' }[side]] = length(value, SPACE);
  }
  return style;
}

function clickable(element, action, onAction) {
  if (!action) return element;
  element.classList.add('tappable');
  element.title = action.label ?? action.type;
  element.addEventListener('click', (event) => {
    event.stopPropagation();
    onAction(action);
  });
  return element;
}

function textStyle(component) {
  return {
    fontSize: component.size ? length(component.size, FONT) : undefined,
    fontWeight: component.weight === 'bold' ? 'bold' : undefined,
    fontStyle: component.style === 'italic' ? 'italic' : undefined,
    textDecoration:
      component.decoration && component.decoration !== 'none' ? component.decoration : undefined,
    color: component.color,
  };
}

function renderComponent(component, onAction, parentLayout) {
  switch (component.type) {
    case 'box': {
      const style = {
        ...common(component),
        gap: component.spacing ? length(component.spacing, SPACE) : undefined,
        padding: component.paddingAll ? length(component.paddingAll, SPACE) : undefined,
        backgroundColor: component.backgroundColor,
        borderRadius: component.cornerRadius ? length(component.cornerRadius, SPACE) : undefined,
        border: component.borderColor ? `1px solid ${component.borderColor}` : undefined,
        justifyContent: component.justifyContent,
        alignItems: component.alignItems,
        width: component.width,
        height: component.height,
      };
      const box = h('div', { class: `flex-box ${component.layout}`, style });
      for (const child of component.contents ?? [])
        box.append(renderComponent(child, onAction, component.layout));
      return clickable(box, component.action, onAction);
    }
    case 'text': {
      const style = { ...common(component), ...textStyle(component), textAlign: component.align };
      if (component.wrap) style.whiteSpace = 'pre-wrap';
      const spans = (component.contents ?? []).map((span) => renderComponent(span, onAction));
      const text = h('div', { class: 'flex-text', style }, spans.length > 0 ? spans : (component.text ?? ''));
      return clickable(text, component.action, onAction);
    }
    case 'span':
      return h('span', { style: textStyle(component) }, component.text ?? '');
    case 'image': {
      const width = length(component.size ?? 'md', IMAGE);
      const [w, hgt] = String(component.aspectRatio ?? '').split(':');
      const style = {
        ...common(component),
        width: component.size === 'full' ? '100%' : width,
        aspectRatio: w && hgt ? `${w} / ${hgt}` : undefined,
        objectFit: component.aspectMode === 'cover' ? 'cover' : 'contain',
        backgroundColor: component.backgroundColor,
      };
      return clickable(
        h('img', { class: 'flex-image', src: component.url, alt: '', style }),
        component.action,
        onAction,
      );
    }
    case 'icon':
      return h('img', { class: 'flex-icon', src: component.url, alt: '', style: common(component) });
    case 'button': {
      const style = { ...common(component) };
      const kind = component.style ?? 'link';
      if (component.color) style[kind === 'link' ? 'color' : 'backgroundColor'] = component.color;
      const label = component.action?.label ?? component.action?.type ?? 'ปุ่ม';
      return clickable(
        h('button', { class: `flex-button ${kind} ${component.height ?? 'md'}`, style }, label),
        component.action,
        onAction,
      );
    }
    case 'separator':
      return h('hr', {
        class: `flex-separator ${parentLayout === 'vertical' ? '' : 'vertical'}`,
        style: { ...common(component), borderColor: component.color },
      });
    case 'filler':
      return h('div', { class: 'flex-filler', style: { flex: String(component.flex ?? 1) } });
    case 'video':
      return component.altContent
        ? renderComponent(component.altContent, onAction, parentLayout)
        : h('div', {}, '[วิดีโอ]');
    default:
      return h('div', { class: 'unknown' }, `[${component.type}]`);
  }
}

function renderBubble(bubble, onAction) {
  const styles = bubble.styles ?? {};
  const section = (name) => {
    const part = bubble[name];
    if (!part) return null;
    const block = styles[name] ?? {};
    const style = { backgroundColor: block.backgroundColor };
    const separator = block.separator ? ' with-separator' : '';
    return h(
      'div',
      { class: `flex-section ${name}${separator}`, style },
      renderComponent(part, onAction, 'vertical'),
    );
  };
  const element = h(
    'div',
    { class: `flex-bubble ${bubble.size ?? 'mega'}`, dir: bubble.direction ?? 'ltr' },
    ['header', 'hero', 'body', 'footer'].map(section),
  );
  return clickable(element, bubble.action, onAction);
}

/** Renders a Flex container (bubble or carousel); `onAction` runs tapped actions. */
export function renderFlex(container, onAction) {
  if (container?.type === 'carousel') {
    return h(
      'div',
      { class: 'carousel' },
      (container.contents ?? []).map((bubble) => renderBubble(bubble, onAction)),
    );
  }
  return renderBubble(container ?? {}, onAction);
}
