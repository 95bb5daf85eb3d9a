import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// Node entry of the language server. createConnection reads the transport from the command line
// (--stdio, --node-ipc, --socket=…), so the extension and the tests start the same bundle.
startServer(createConnection(ProposedFeatures.all));
