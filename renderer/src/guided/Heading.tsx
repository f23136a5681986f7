import type { HTMLAttributes } from 'react';

/** A heading whose level follows how deep the block sits (h2 section → h3 child → h4 item…). */
export function Heading({ level, ...rest }: { level: number } & HTMLAttributes<HTMLHeadingElement>) {
  const clamped = Math.min(Math.max(level, 2), 6);
  switch (clamped) {
    case 2:
      return <h2 {...rest} />;
    case 3:
      return <h3 {...rest} />;
    case 4:
      return <h4 {...rest} />;
    case 5:
      return <h5 {...rest} />;
    default:
      return <h6 {...rest} />;
  }
}
