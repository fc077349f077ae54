import { ReactNode } from 'react';

/** Says plainly that there is nothing to show, and why when known. */
export function Empty(props: { children: ReactNode }) {
  return <p className="empty">{props.children}</p>;
}

export function Problem(props: { message: string }) {
  return (
    <p role="alert" className="problem">
      The hub did not answer: {props.message}
    </p>
  );
}
