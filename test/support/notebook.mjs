// What an analyst writes in a notebook: the package by its name, plain values out, printed as JSON.
import { openFanbase } from 'fanbase';

const fb = await openFanbase({ data: process.argv[2], asOf: '2026-06-15' });
const summary = await fb.summary(123);
const top = await fb.topFans(123, 3);
await fb.close();
console.log(JSON.stringify({ summary, top }));
