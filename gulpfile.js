const path = require('path');
const { task, src, dest } = require('gulp');

// tsc emits only JavaScript; n8n loads the node's and credential's icons from dist/ as well.
task('build:icons', () =>
	src(path.resolve('icons', '*.svg'), { encoding: false }).pipe(dest(path.resolve('dist', 'icons'))),
);
