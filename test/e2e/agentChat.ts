import type { ChatRequest, Turn } from '../../testkit/chatModel/scriptedChatModel';
import { textOf } from '../../testkit/chatModel/scriptedChatModel';
import type { Template, Workflow } from '../../testkit/n8n/templates';
import { nodeByType } from '../../testkit/n8n/templates';

/** The chat trigger's webhook ID in the test's copy of the agent template (the template's own stays inactive). */
export const AGENT_WEBHOOK_ID = '0e2e0a9e-7c1b-4d2e-9f3a-5b6c7d8e9f01';

export const AGENT_PROMPT = 'Customer demo-customer-ada no longer owns cart demo-cart-1001, please detach her.';

export const CART_QUESTION = 'What is in the cart of ada@example.com?';

const lastUserText = (request: ChatRequest) => textOf([...request.messages].reverse().find((message) => message.role === 'user'));

/**
 * The model's script: first call the removal tool with the IDs the user named, then, once the
 * tool's result is in the conversation, answer with it.
 */
export function removalScript(request: ChatRequest): Turn {
	const toolResult = request.messages.find((message) => message.role === 'tool');
	if (toolResult) return { answer: `Done: ${textOf(toolResult)}` };
	const prompt = lastUserText(request);
	const cartId = /cart ([\w-]+)/.exec(prompt)?.[1];
	const customerId = /[Cc]ustomer ([\w-]+)/.exec(prompt)?.[1];
	const tool = request.tools?.find((offered) => /remove/i.test(offered.function.name))?.function.name;
	if (!cartId || !customerId || !tool) return { answer: 'I need a cart ID, a customer ID and a removal tool.' };
	return { tool, arguments: { cartId, customerId } };
}

/**
 * The agent template as the test runs it: its chat trigger public (a non-public one answers only
 * the editor's own chat), under a webhook ID of its own. Everything else as users import it.
 */
export function publicChatVariant(template: Template, id: string): Workflow {
	const workflow = JSON.parse(JSON.stringify(template.workflow)) as Workflow;
	const trigger = nodeByType(workflow, '@n8n/n8n-nodes-langchain.chatTrigger');
	trigger.parameters = { ...trigger.parameters, public: true };
	trigger.webhookId = AGENT_WEBHOOK_ID;
	return { ...workflow, id, name: `${workflow.name} (public chat, test)` };
}

/** The OpenAI credential the template's chat model refers to, pointed at the scripted model. */
export function openAiCredential(template: Template, baseUrl: string) {
	const reference = nodeByType(template.workflow, '@n8n/n8n-nodes-langchain.lmChatOpenAi').credentials!.openAiApi;
	return { ...reference, type: 'openAiApi', data: { apiKey: 'sk-test-scripted-model', url: baseUrl } };
}

/**
 * "What is in the cart of <email>?": call the carts tool with the email, then answer with what
 * it returned (the test looks for the items there).
 */
function cartQuestionScript(request: ChatRequest, email: string): Turn {
	const toolResult = request.messages.find((message) => message.role === 'tool');
	if (toolResult) return { answer: `In the cart: ${textOf(toolResult)}` };
	const tool = request.tools?.find((offered) => /^carts/i.test(offered.function.name))?.function.name;
	if (!tool) return { answer: 'I have no tool that reads carts.' };
	return { tool, arguments: { email } };
}

/** The agent template's scripted model: a question about a customer's cart, or a removal. */
export function agentScript(request: ChatRequest): Turn {
	const email = /cart of ([^\s?]+@[^\s?]+)/i.exec(lastUserText(request))?.[1];
	return email ? cartQuestionScript(request, email) : removalScript(request);
}
