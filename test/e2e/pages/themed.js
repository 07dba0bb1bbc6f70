// ?theme=dark|digital-agency adds that theme's stylesheet, as an editor would with a <link>.
const theme = new URLSearchParams(location.search).get('theme');
if (theme) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = `/themes/${theme}.css`;
  document.head.append(link);
  if (theme === 'dark') document.documentElement.style.background = '#111';
}
