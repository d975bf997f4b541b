import type { LikertQuestion, Survey } from '../survey';

const AGREE_LABELS: LikertQuestion['labels'] = {
  low: { ko: '전혀 동의하지 않음', en: 'Strongly disagree' },
  high: { ko: '매우 동의함', en: 'Strongly agree' },
};

/** A five-point agreement item for one of the eight policy positions. */
function position(id: string, ko: string, en: string): LikertQuestion {
  return { id, kind: 'likert', points: 5, labels: AGREE_LABELS, required: true, prompt: { ko, en } };
}

/** The eight positions of DESIGN §2, worded so that none reads as the expected answer. */
const POSITIONS: LikertQuestion[] = [
  position(
    'p-general-service',
    '국산 AI 모델로 모든 국민이 쓸 수 있는 범용 AI 서비스를 만들어야 한다.',
    'Korea should build a nationwide general AI service for everyone on domestic models.',
  ),
  position(
    'p-model-builders',
    '정부 지원은 이미 자체 AI 모델을 개발한 기업에 집중해야 한다.',
    'Government support should concentrate on the companies that already build their own AI models.',
  ),
  position(
    'p-defense',
    '국방·안보처럼 해외 AI 의존을 받아들이기 어려운 분야부터 소버린 AI를 구축해야 한다.',
    'Sovereign AI should come first where reliance on foreign AI is unacceptable, such as defense and security.',
  ),
  position(
    'p-manufacturing',
    '제조업 분야의 특화 AI를 우선 지원해야 한다.',
    'Specialised AI for manufacturing should be supported first.',
  ),
  position(
    'p-culture',
    '콘텐츠·문화 산업 분야의 특화 AI를 우선 지원해야 한다.',
    'Specialised AI for the content and cultural industries should be supported first.',
  ),
  position(
    'p-public-finance',
    '공공 행정과 금융 분야의 특화 AI를 우선 지원해야 한다.',
    'Specialised AI for public administration and finance should be supported first.',
  ),
  position(
    'p-partnerships',
    '작은 모델과 글로벌 기업과의 제휴로 특화 서비스를 만드는 길을 지원해야 한다.',
    'Specialised services built on smaller models through global partnerships should be supported.',
  ),
  position(
    'p-data-first',
    '모델을 만들기 전에 한국 고유의 데이터 확보를 먼저 해야 한다.',
    'Korean-specific data should be secured before building models.',
  ),
];

const AREAS = [
  { id: 'general', label: { ko: '국민 범용 AI 서비스', en: 'General AI service for everyone' } },
  { id: 'models', label: { ko: '자체 모델 개발 기업', en: 'Companies building own models' } },
  { id: 'defense', label: { ko: '국방·안보', en: 'Defense and security' } },
  { id: 'manufacturing', label: { ko: '제조업', en: 'Manufacturing' } },
  { id: 'culture', label: { ko: '콘텐츠·문화 산업', en: 'Content and cultural industries' } },
  { id: 'public-finance', label: { ko: '공공·금융', en: 'Public administration and finance' } },
  { id: 'data', label: { ko: '한국어·한국 데이터 구축', en: 'Korean data' } },
];

const SECTORS = [
  { id: 'defense', label: { ko: '국방·안보', en: 'Defense and security' } },
  { id: 'manufacturing', label: { ko: '제조업', en: 'Manufacturing' } },
  { id: 'culture', label: { ko: '콘텐츠·문화 산업', en: 'Content and cultural industries' } },
  { id: 'public', label: { ko: '공공 행정', en: 'Public administration' } },
  { id: 'finance', label: { ko: '금융', en: 'Finance' } },
  { id: 'health', label: { ko: '의료', en: 'Healthcare' } },
  { id: 'education', label: { ko: '교육', en: 'Education' } },
];

/**
 * The first survey, version 1: where Korea's sovereign AI effort should go (DESIGN §2).
 * Published, so never changed: devices hold its drafts and responses. New wording goes
 * into a new version (sovereign-ai-v2.ts).
 */
export const sovereignAiSurveyV1: Survey = {
  id: 'sovereign-ai',
  version: 1,
  title: { ko: '소버린 AI, 어디에 집중해야 할까요?', en: 'Sovereign AI: where should Korea focus?' },
  description: {
    ko: '모두를 위한 범용 AI 서비스와 국방·제조·문화 같은 전략 분야 가운데 한국의 소버린 AI 노력이 어디를 향해야 하는지 묻습니다. 약 3분 걸립니다.',
    en: "Asks where Korea's sovereign AI effort should go: a general AI service for everyone, or strategic sectors such as defense, manufacturing and culture. It takes about three minutes.",
  },
  notice: {
    ko: '이 설문은 행사 주최 측이 Stance로 진행합니다. 이름이나 연락처는 묻지 않으며 응답은 익명으로 처리됩니다. 보관하는 정보는 응답 내용, 응답 언어, 제출 시각, 참여한 세션(웨이브)과 경로, 이 기기의 무작위 식별자이며 IP 주소는 저장하지 않습니다. 현장 조사에서는 조사원 이름이 함께 기록되며, 이는 「개인정보 보호법」상 개인정보입니다. 자료는 조사 종료 후 최대 2년간 보관한 뒤 삭제합니다. 언제든 응답을 멈출 수 있고, 주최 측에 요청해 제출한 응답의 삭제를 요청할 수 있습니다. "시작하기"를 누르면 이 안내에 동의하는 것으로 봅니다.',
    en: "This survey is run by the event's organisers with Stance. It asks for no name or contact details and answers are anonymous. What is kept: your answers, the language, the time you submit, the session (wave) and channel you came through, and a random identifier of this device; IP addresses are not stored. In field interviews the collector's name is recorded too, which is personal data under Korea's Personal Information Protection Act. The data is kept for at most two years after the study ends, then deleted. You may stop at any time and may ask the organisers to delete a response you submitted. Pressing \"Start\" means you have read this notice.",
  },
  resultsPublic: true,
  segmentBy: 'group',
  context: [
    {
      id: 'korean-models',
      title: { ko: '국내 초거대 AI 모델 14개', en: '14 Korean large AI models' },
      body: {
        ko: '6개 기업이 만들었습니다. LG 5개, 네이버 3개, 삼성 3개, KT·엔씨소프트·코난테크놀로지 각 1개.',
        en: 'Built by six companies: LG 5, Naver 3, Samsung 3, and one each from KT, NCSOFT and Konan Technology.',
      },
      source: { ko: '소프트웨어정책연구소(SPRi), 「글로벌 초거대 AI 모델 현황 분석」', en: "Software Policy Research Institute (SPRi), 'Global Ultra-Large AI Model Status Analysis'" },
    },
    {
      id: 'global-models',
      title: { ko: '세계 271개 모델 중 한국은 3위', en: 'Korea third among 271 models worldwide' },
      body: {
        ko: '2020~2024년 세계에서 271개 모델이 공개됐습니다. 미국 125개, 중국 95개로 두 나라가 81.2%를 차지하고, 한국이 3위, 프랑스가 10개입니다.',
        en: '271 models were released worldwide in 2020–2024: the US 125 and China 95 (81.2% together), Korea third, France 10.',
      },
      source: { ko: '소프트웨어정책연구소(SPRi)', en: 'Software Policy Research Institute (SPRi)' },
    },
    {
      id: 'services',
      title: { ko: '글로벌 상위 50개 AI 서비스', en: 'The global top 50 AI services' },
      body: {
        ko: '2025년 3월 목록에 국산 모델 기반 서비스는 없었습니다. 웹 목록에서는 SK텔레콤 에이닷(15위)과 라이너(19위)가 작은 자체 모델과 퍼플렉시티·오픈AI·구글과의 제휴로 이름을 올렸습니다.',
        en: "No service built on a homegrown Korean model was on the March 2025 list. On the web list, SK Telecom's adot (15th) and Liner (19th) appeared, with smaller models and partnerships with Perplexity, OpenAI and Google.",
      },
      source: { ko: '앤드리슨 호로위츠(a16z), 2025년 3월', en: 'Andreessen Horowitz (a16z), March 2025' },
    },
    {
      id: 'pledges',
      title: { ko: 'AI 100조 원 투자 공약', en: 'A pledged 100 trillion won' },
      body: {
        ko: '정부는 AI 투자 100조 원 시대를 약속했고, 누구나 생성형 AI를 무료로 쓰는 "모두의 AI" 프로젝트를 구상하고 있습니다.',
        en: 'The government has pledged 100 trillion won of AI investment and plans an "Everyone\'s AI" project for free access to generative AI.',
      },
      source: { ko: '2025년 언론 보도', en: 'Korean press reports, 2025' },
    },
  ],
  sections: [
    {
      id: 'profile',
      title: { ko: '응답자 정보', en: 'About you' },
      questions: [
        {
          id: 'group',
          kind: 'choice',
          multiple: false,
          required: true,
          prompt: { ko: '어느 이해관계자 집단에 가장 가깝습니까?', en: 'Which stakeholder group are you closest to?' },
          options: [
            { id: 'ai-industry', label: { ko: 'AI·IT 기업', en: 'AI or IT company' } },
            { id: 'manufacturing', label: { ko: '제조업', en: 'Manufacturing' } },
            { id: 'defense', label: { ko: '국방·안보 산업', en: 'Defense and security industry' } },
            { id: 'culture', label: { ko: '콘텐츠·문화 산업', en: 'Content and cultural industries' } },
            { id: 'public', label: { ko: '정부·공공기관', en: 'Government or public body' } },
            { id: 'research', label: { ko: '학계·연구기관', en: 'Academia or research' } },
            { id: 'citizen', label: { ko: '시민·이용자', en: 'Citizen or user' } },
            { id: 'other', label: { ko: '기타', en: 'Other' } },
          ],
        },
        {
          id: 'group-other',
          kind: 'text',
          required: false,
          maxLength: 80,
          showIf: { question: 'group', anyOf: ['other'] },
          prompt: { ko: '어떤 집단인지 적어 주세요.', en: 'Which group is that?' },
        },
        {
          id: 'role',
          kind: 'choice',
          multiple: false,
          required: false,
          prompt: { ko: '주된 역할은 무엇입니까?', en: 'What is your main role?' },
          options: [
            { id: 'leadership', label: { ko: '경영·관리', en: 'Leadership or management' } },
            { id: 'technical', label: { ko: '개발·연구', en: 'Engineering or research' } },
            { id: 'policy', label: { ko: '정책·기획', en: 'Policy or planning' } },
            { id: 'business', label: { ko: '사업·영업', en: 'Business or sales' } },
            { id: 'other', label: { ko: '기타', en: 'Other' } },
          ],
        },
      ],
    },
    {
      id: 'positions',
      title: { ko: '여덟 가지 입장', en: 'Eight positions' },
      questions: POSITIONS,
    },
    {
      id: 'direction',
      title: { ko: '방향과 우선순위', en: 'Direction and priorities' },
      questions: [
        {
          id: 'spectrum',
          kind: 'spectrum',
          min: 0,
          max: 10,
          required: true,
          prompt: {
            ko: '한국의 소버린 AI 노력은 어느 쪽을 향해야 합니까?',
            en: "Where should Korea's sovereign AI effort point?",
          },
          labels: {
            low: { ko: '모두를 위한 범용 서비스', en: 'A general service for everyone' },
            high: { ko: '전략 분야에 집중', en: 'Strategic sectors' },
          },
        },
        {
          id: 'allocation',
          kind: 'allocation',
          required: true,
          total: 100,
          step: 5,
          unit: { ko: '조 원', en: 'trillion won' },
          prompt: {
            ko: 'AI 투자 100조 원을 어떻게 나누겠습니까? 합계가 100조 원이 되어야 합니다.',
            en: 'How would you split 100 trillion won of AI investment? The amounts must add up to 100.',
          },
          options: AREAS,
        },
        {
          id: 'ranking',
          kind: 'ranking',
          required: true,
          pick: 3,
          prompt: {
            ko: '특화 AI를 먼저 지원할 분야 세 곳을 순서대로 고르세요.',
            en: 'Pick, in order, the three sectors whose specialised AI should be supported first.',
          },
          options: SECTORS,
        },
        {
          id: 'path',
          kind: 'choice',
          multiple: false,
          required: true,
          prompt: {
            ko: '한국 AI 서비스가 주로 택해야 할 길은 무엇입니까?',
            en: "Which path should Korea's AI services mainly take?",
          },
          options: [
            { id: 'domestic', label: { ko: '국산 대형 모델 위에 구축', en: 'Build on large domestic models' } },
            { id: 'partnership', label: { ko: '글로벌 모델 기업과 제휴', en: 'Partner with global model providers' } },
            { id: 'both', label: { ko: '둘을 함께', en: 'A mix of both' } },
            { id: 'unsure', label: { ko: '잘 모르겠음', en: 'Not sure' } },
          ],
        },
      ],
    },
    {
      id: 'comment',
      title: { ko: '의견', en: 'Comment' },
      questions: [
        {
          id: 'comment',
          kind: 'text',
          required: false,
          maxLength: 1000,
          prompt: { ko: '더 하고 싶은 말이 있으면 적어 주세요. (선택)', en: 'Anything else you would like to say? (optional)' },
        },
      ],
    },
  ],
};
